import { getDb } from '#lib/server/app-context.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { PUBLIC_CACHE_CONTROL } from '#lib/server/http-cache.ts';
import { cachedCatalog } from '#lib/server/catalog/cached-catalog.ts';
import { cachedStatistics } from '#lib/server/statistics/refresh-statistics.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, setHeaders }) =>
	runOperation(async () => {
		setHeaders({ 'Cache-Control': PUBLIC_CACHE_CONTROL });
		const db = await getDb();
		const [categories, popular, partners, statistics] = await Promise.all([
			cachedCatalog.categoryTree(db, locals.locale),
			cachedCatalog.popularServices(db, locals.locale),
			cachedCatalog.partners(db, locals.locale),
			cachedStatistics(db)
		]);
		return { categories, popular, partners, statistics };
	});
