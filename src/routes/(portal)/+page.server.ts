import { getDb } from '#lib/server/app-context.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { PUBLIC_CACHE_CONTROL } from '#lib/server/http-cache.ts';
import { listCategoryTree } from '#lib/server/catalog/list-category-tree.ts';
import { listPopularServices } from '#lib/server/catalog/list-popular-services.ts';
import { listPartners } from '#lib/server/catalog/list-partners.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, setHeaders }) =>
	runOperation(async () => {
		setHeaders({ 'Cache-Control': PUBLIC_CACHE_CONTROL });
		const db = await getDb();
		const [categories, popular, partners] = await Promise.all([
			listCategoryTree(db, locals.locale),
			listPopularServices(db, locals.locale),
			listPartners(db, locals.locale)
		]);
		return { categories, popular, partners };
	});
