import { getDb } from '#lib/server/app-context.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { PUBLIC_CACHE_CONTROL } from '#lib/server/http-cache.ts';
import { cachedCatalog } from '#lib/server/catalog/cached-catalog.ts';
import { SEARCH_PAGE_SIZE } from '#lib/server/catalog/search-services.ts';
import { MAX_QUERY_LENGTH } from '#lib/server/catalog/search-text.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals, setHeaders }) =>
	runOperation(async () => {
		setHeaders({ 'Cache-Control': PUBLIC_CACHE_CONTROL });
		const query = (url.searchParams.get('q') ?? '').trim();
		const requestedPage = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
		const page = Number.isSafeInteger(requestedPage) && requestedPage > 0 && requestedPage <= 1000 ? requestedPage : 1;
		const result = await cachedCatalog.search(await getDb(), query, locals.locale, page);
		return {
			query: query.slice(0, MAX_QUERY_LENGTH),
			isShortened: query.length > MAX_QUERY_LENGTH,
			hasSearchableWords: result.tokens.length > 0,
			total: result.total,
			services: result.services,
			page,
			pages: Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE))
		};
	});
