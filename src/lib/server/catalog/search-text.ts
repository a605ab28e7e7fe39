/**
 * Text folding shared by the search index and search queries. Applying the same function on both
 * sides is what makes "кеңес", "кенес" and "КЕҢЕС" equal, and keeps PGlite and PostgreSQL results identical.
 */

// Kazakh letters typed on a Russian layout, ё typed as е, and the Latin i people use for і.
const LETTER_FOLDS: Record<string, string> = {
	ә: 'а',
	ғ: 'г',
	қ: 'к',
	ң: 'н',
	ө: 'о',
	ұ: 'у',
	ү: 'у',
	һ: 'х',
	і: 'и',
	ё: 'е'
};

const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** Lower-cases, folds Kazakh-specific letters and ё, and turns punctuation into single spaces. */
export function foldSearchText(input: string): string {
	return input
		.normalize('NFC')
		.toLowerCase()
		.replace(FOLDABLE, (ch) => LETTER_FOLDS[ch] ?? ch)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Longest query we look at; anything beyond is ignored rather than refused. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many words take part in a query, so a pasted paragraph cannot build a huge SQL. */
export const MAX_QUERY_TOKENS = 8;
/** Words shorter than this are matched only as parts of words, never approximately. */
export const MIN_FUZZY_TOKEN_LENGTH = 5;

/** Splits a raw query into distinct folded words, dropping what cannot match anything useful. */
export function tokenizeQuery(raw: string): string[] {
	const folded = foldSearchText(raw.slice(0, MAX_QUERY_LENGTH));
	const tokens: string[] = [];
	for (const token of folded.split(' ')) {
		if (token.length === 0 || tokens.includes(token)) continue;
		tokens.push(token);
		if (tokens.length === MAX_QUERY_TOKENS) break;
	}
	return tokens;
}

/** Escapes LIKE wildcards so a user's `%` or `_` is matched literally. */
export function escapeLike(value: string): string {
	return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
