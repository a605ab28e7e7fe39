import { describe, expect, it } from 'vitest';
import { escapeLike, foldSearchText, MAX_QUERY_TOKENS, tokenizeQuery } from './search-text.ts';

describe('foldSearchText', () => {
	it('folds every Kazakh-specific letter to its Russian-layout twin', () => {
		expect(foldSearchText('ӘҒҚҢӨҰҮҺІ')).toBe('агкноуухи');
		expect(foldSearchText('әғқңөұүһі')).toBe('агкноуухи');
	});

	it('treats ё as е and is case-insensitive', () => {
		expect(foldSearchText('ЁЛКА')).toBe(foldSearchText('елка'));
	});

	it('makes a word typed without the Kazakh layout equal to the proper spelling', () => {
		expect(foldSearchText('Кеңес беру')).toBe(foldSearchText('кенес беру'));
		expect(foldSearchText('Мемлекеттік-жекешелік әріптестік')).toBe('мемлекеттик жекешелик ариптестик');
	});

	it('folds the abbreviation МҚӘ the same on both sides', () => {
		expect(foldSearchText('МҚӘ')).toBe(foldSearchText('мка'));
	});

	it('turns punctuation and repeated spaces into single spaces', () => {
		expect(foldSearchText('  «ГЧП»,  PPP!  ')).toBe('гчп ppp');
	});
});

describe('tokenizeQuery', () => {
	it('drops duplicates and empty words', () => {
		expect(tokenizeQuery('субсидия  Субсидия ,')).toEqual(['субсидия']);
	});

	it('returns nothing for an empty or punctuation-only query', () => {
		expect(tokenizeQuery('')).toEqual([]);
		expect(tokenizeQuery(' %%% ')).toEqual([]);
	});

	it('caps a very long query', () => {
		const tokens = tokenizeQuery('сөз '.repeat(500));
		expect(tokens.length).toBeLessThanOrEqual(MAX_QUERY_TOKENS);
		const many = tokenizeQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '));
		expect(many).toHaveLength(MAX_QUERY_TOKENS);
	});
});

describe('escapeLike', () => {
	it('escapes LIKE wildcards', () => {
		expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
	});
});
