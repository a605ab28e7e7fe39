import { inArray, eq, sql, type SQL } from 'drizzle-orm';
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

// A word found in a more prominent field counts for more: title > keywords > summary > description.
const FIELD_WEIGHTS = [
	['title', 16],
	['keywords', 8],
	['summary', 4],
	['body', 2]
] as const;

/**
 * Where a word may match: anywhere inside a word for 4 letters and more, but only at the start of a
 * word for shorter ones (abbreviations such as МҚӘ), which would otherwise hit the middle of
 * unrelated words. Both forms are served by the trigram index.
 */
export const MIN_INFIX_TOKEN_LENGTH = 4;

function contains(column: SQL, token: string): SQL {
	const escaped = escapeLike(token);
	return token.length >= MIN_INFIX_TOKEN_LENGTH
		? sql`${column} like ${`%${escaped}%`}`
		: sql`(${column} like ${`${escaped}%`} or ${column} like ${`% ${escaped}%`})`;
}

const column = (field: string) => sql.raw(`ss.${field}`);

function tokenScore(token: string): SQL {
	const exact = FIELD_WEIGHTS.map(([field, weight]) => sql`when ${contains(column(field), token)} then ${sql.raw(String(weight))}`);
	// An approximate match (one typo in a longer word) ranks below an exact one in the same field.
	const fuzzy =
		token.length >= MIN_FUZZY_TOKEN_LENGTH
			? FIELD_WEIGHTS.map(([field, weight]) => sql`when ${token} <% ${column(field)} then ${sql.raw(String(weight / 2))}`)
			: [];
	return sql`(case ${sql.join([...exact, ...fuzzy], sql` `)} else 0 end)`;
}

function tokenMatches(token: string): SQL {
	const document = column('document');
	return token.length >= MIN_FUZZY_TOKEN_LENGTH ? sql`(${contains(document, token)} or ${token} <% ${document})` : contains(document, token);
}

/**
 * Finds published services whose text in any language contains every word of the query, as a part
 * of a word or, for longer words, with one typo. Ranked by where the words were found.
 */
export async function searchServices(db: Executor, rawQuery: string, locale: Locale, page = 1): Promise<SearchResult> {
	const tokens = tokenizeQuery(rawQuery);
	if (tokens.length === 0) return { tokens, total: 0, services: [] };

	const offset = (Math.max(1, page) - 1) * SEARCH_PAGE_SIZE;
	const score = sql.join(tokens.map(tokenScore), sql` + `);
	const where = sql.join(tokens.map(tokenMatches), sql` and `);
	const ranked = await queryRows<{ service_id: number; score: number; total: string | number }>(db, sql`
		select ss.service_id, max(${score}) as score, count(*) over () as total
		from service_search ss
		join service s on s.id = ss.service_id and s.is_published
		where ${where}
		group by ss.service_id
		order by score desc, ss.service_id
		limit ${SEARCH_PAGE_SIZE} offset ${offset}`);

	const ids = ranked.map((row) => Number(row.service_id));
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
