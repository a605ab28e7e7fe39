import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';
import { provider, service } from './schema.ts';
import { escapeLike, MIN_FUZZY_TOKEN_LENGTH, tokenizeQuery } from './search-text.ts';
import { toServiceSummary, type ServiceSummary } from './service-summary.ts';

export interface SearchResult {
	/** The words actually searched for, after folding (empty: nothing to search). */
	tokens: string[];
	total: number;
	services: ServiceSummary[];
}

export const SEARCH_PAGE_SIZE = 20;

/**
 * Shorter words match only at the start of a word (abbreviations such as МҚӘ would otherwise hit
 * the middle of unrelated words); longer ones match anywhere inside a word.
 */
export const MIN_INFIX_TOKEN_LENGTH = 4;
/** How close a known word must be to a query word to count as its misspelling (pg_trgm similarity). */
const TYPO_SIMILARITY = 0.45;
const MAX_CORRECTIONS = 3;

/** Known words that a query word stands for, with how much a find through them counts (1 exact, ½ corrected). */
function wordsFor(token: string, index: number): SQL {
	const escaped = escapeLike(token);
	const pattern = token.length >= MIN_INFIX_TOKEN_LENGTH ? `%${escaped}%` : `${escaped}%`;
	const exact = sql`select ${index}::int as token, term, 2 as factor from search_term where term like ${pattern}`;
	if (token.length < MIN_FUZZY_TOKEN_LENGTH) return exact;
	const corrected = sql`select * from (select ${index}::int as token, term, 1 as factor from search_term
		where term % ${token} and similarity(term, ${token}) >= ${TYPO_SIMILARITY} and term not like ${pattern}
		order by similarity(term, ${token}) desc, term limit ${MAX_CORRECTIONS}) as corrected_${sql.raw(String(index))}`;
	return sql`${exact} union all ${corrected}`;
}

/**
 * Finds published services that contain every word of the query in any language: as a part of a
 * word or, for longer words, through the known word it is probably a misspelling of. Ranked by the
 * most prominent field each word was found in.
 */
export async function searchServices(db: Executor, rawQuery: string, locale: Locale, page = 1): Promise<SearchResult> {
	const tokens = tokenizeQuery(rawQuery);
	if (tokens.length === 0) return { tokens, total: 0, services: [] };

	const offset = (Math.max(1, page) - 1) * SEARCH_PAGE_SIZE;
	const matched = sql.join(
		tokens.map((token, index) => wordsFor(token, index)),
		sql` union all `
	);
	// The total counts every match, not just the page's rows, so a page past the end still says how many there are.
	const ranked = await queryRows<{ service_id: number | null; score: number | null; total: string | number }>(db, sql`
		with matched as (${matched}),
		per_word as (
			select p.service_id, m.token, max(p.weight * m.factor) as score
			from matched m join search_posting p on p.term = m.term
			group by p.service_id, m.token
		),
		per_service as (
			select service_id, sum(score) as score from per_word
			group by service_id having count(*) = ${tokens.length}
		)
		select ps.service_id, ps.score, counted.total
		from (select count(*) as total from per_service) counted
		left join lateral (
			select service_id, score from per_service
			order by score desc, service_id
			limit ${SEARCH_PAGE_SIZE} offset ${offset}
		) ps on true
		order by ps.score desc, ps.service_id`);

	const ids = ranked.filter((row) => row.service_id !== null).map((row) => Number(row.service_id));
	const total = Number(ranked[0]?.total ?? 0);
	if (ids.length === 0) return { tokens, total, services: [] };

	const rows = await db
		.select({ id: service.id, slug: service.slug, title: service.title, summary: service.summary, providerName: provider.name })
		.from(service)
		.innerJoin(provider, eq(provider.id, service.providerId))
		.where(inArray(service.id, ids));
	const byId = new Map(rows.map((row) => [row.id, row]));
	return {
		tokens,
		total,
		services: ids.flatMap((id) => {
			const row = byId.get(id);
			return row ? [toServiceSummary(row, locale)] : [];
		})
	};
}
