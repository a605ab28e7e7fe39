import { describe, expect, it } from 'vitest';
import { textParts } from './thread-text.ts';

describe('textParts', () => {
	it('makes links of http, https and www addresses and keeps the rest as text', () => {
		expect(textParts('See https://atameken.kz/ru/services and www.gov.kz, then call.')).toEqual([
			{ text: 'See ' },
			{ text: 'https://atameken.kz/ru/services', href: 'https://atameken.kz/ru/services' },
			{ text: ' and ' },
			{ text: 'www.gov.kz', href: 'https://www.gov.kz/' },
			{ text: ', then call.' }
		]);
	});

	it('leaves the sentence’s punctuation and brackets out of the address, but keeps the address’s own', () => {
		expect(textParts('(see https://a.kz/x).')).toEqual([{ text: '(see ' }, { text: 'https://a.kz/x', href: 'https://a.kz/x' }, { text: ').' }]);
		expect(textParts('https://kk.wikipedia.org/wiki/Алматы_(қала)')[0]!.text).toBe('https://kk.wikipedia.org/wiki/Алматы_(қала)');
	});

	it('never makes a link of another scheme or of markup', () => {
		for (const text of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '<a href="https://evil.kz">x</a>', 'mailto:a@b.kz']) {
			const parts = textParts(text);
			expect(parts.map((part) => part.text).join(''), text).toBe(text);
			for (const part of parts) if (part.href) expect(part.href, text).toMatch(/^https:\/\/evil\.kz/);
		}
		expect(textParts('<a href="https://evil.kz">x</a>').find((part) => part.href)?.text).toBe('https://evil.kz');
	});

	it('gives the whole text back, part by part, whatever it holds', () => {
		for (const text of ['', 'plain', 'https://', 'www.', 'a https://x.kz b https://y.kz c', '«https://a.kz»']) expect(textParts(text).map((part) => part.text).join('')).toBe(text);
	});
});
