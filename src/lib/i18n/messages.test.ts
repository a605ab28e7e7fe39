import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './localized.ts';

const catalogue = Object.fromEntries(
	LOCALES.map((locale) => {
		const { $schema: _schema, ...messages } = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>;
		// Plural messages are objects with variants; their texts are checked as one string.
		const texts = Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
		return [locale, texts];
	})
) as Record<(typeof LOCALES)[number], Record<string, string>>;

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();

describe('message catalogue', () => {
	const allKeys = [...new Set(LOCALES.flatMap((locale) => Object.keys(catalogue[locale])))].sort();

	it.each(LOCALES)('has every key in %s, none of them blank', (locale) => {
		const missing = allKeys.filter((key) => !(catalogue[locale][key] ?? '').trim());
		expect(missing).toEqual([]);
	});

	it('uses the same placeholders in every language', () => {
		const mismatched = allKeys.filter((key) => {
			const expected = placeholders(catalogue.kk[key] ?? '');
			return LOCALES.some((locale) => JSON.stringify(placeholders(catalogue[locale][key] ?? '')) !== JSON.stringify(expected));
		});
		expect(mismatched).toEqual([]);
	});
});
