import { getDb } from '#lib/server/app-context.ts';
import { runOperation } from '#lib/server/http.ts';
import { getServicePassport } from '#lib/server/catalog/get-service-passport.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) =>
	runOperation(async () => ({ service: await getServicePassport(await getDb(), params.slug, locals.locale) }));
