import { getDb } from '#lib/server/app-context.ts';
import { runOperation } from '#lib/server/http.ts';
import { getCategoryPage } from '#lib/server/catalog/get-category-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) =>
	runOperation(async () => ({ category: await getCategoryPage(await getDb(), params.slug, locals.locale) }));
