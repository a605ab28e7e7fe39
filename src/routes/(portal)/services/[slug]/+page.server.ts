import { getDb } from '#lib/server/app-context.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { PUBLIC_CACHE_CONTROL } from '#lib/server/http-cache.ts';
import { cachedCatalog } from '#lib/server/catalog/cached-catalog.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, setHeaders }) =>
	runOperation(async () => {
		setHeaders({ 'Cache-Control': PUBLIC_CACHE_CONTROL });
		return { service: await cachedCatalog.servicePassport(await getDb(), params.slug, locals.locale) };
	});
