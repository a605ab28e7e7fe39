import { describe, expect, it } from 'vitest';
import { matchesIfNoneMatch, weakEtag } from './http-cache.ts';

describe('ETags', () => {
	it('change with the body and stay stable for the same body', () => {
		expect(weakEtag('a')).toBe(weakEtag('a'));
		expect(weakEtag('a')).not.toBe(weakEtag('b'));
	});

	it('match a list of tags, weak or strong, and *', () => {
		const tag = weakEtag('page');
		expect(matchesIfNoneMatch(tag, tag)).toBe(true);
		expect(matchesIfNoneMatch(`"x", ${tag.replace('W/', '')}`, tag)).toBe(true);
		expect(matchesIfNoneMatch('*', tag)).toBe(true);
		expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
		expect(matchesIfNoneMatch(null, tag)).toBe(false);
	});
});
