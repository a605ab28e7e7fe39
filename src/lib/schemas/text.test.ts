import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasInvalidCharacters, nameText, optionalNameText, singleLineText, withoutInvalidCharacters, withoutInvisibleFormatting } from './text.ts';

// Any UTF-16 code units, lone surrogates included (and quicker to generate than fast-check's 'binary' unit).
const utf16Text = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes));

describe('hasInvalidCharacters', () => {
	it.each(['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\ud800', 'a\udc00b'])('refuses %j anywhere', (bad) => {
		expect(hasInvalidCharacters(`Дала${bad}`, 'single_line')).toBe(true);
		expect(hasInvalidCharacters(`Дала${bad}`, 'multi_line')).toBe(true);
	});

	it('lets tab and line breaks into multi-line text only', () => {
		for (const allowed of ['\t', '\n', '\r\n']) {
			expect(hasInvalidCharacters(`бір${allowed}екі`, 'multi_line')).toBe(false);
			expect(hasInvalidCharacters(`бір${allowed}екі`, 'single_line')).toBe(true);
		}
	});

	it('accepts ordinary Kazakh, Russian and English text, non-breaking spaces and emoji', () => {
		expect(hasInvalidCharacters('ТОО «Қазақ Дала» — Ақмола, № 5\u00a0000 😀')).toBe(false);
	});

	it('leaves nothing to object to once the characters are removed', () => {
		fc.assert(
			fc.property(utf16Text, fc.constantFrom('single_line' as const, 'multi_line' as const), (text, kind) => !hasInvalidCharacters(withoutInvalidCharacters(text, kind), kind))
		);
	});
});

describe('withoutInvisibleFormatting', () => {
	it('removes bidirectional controls and zero-width characters, and nothing else', () => {
		expect(withoutInvisibleFormatting('Иван\u202Eвонав')).toBe('Иванвонав');
		expect(withoutInvisibleFormatting('\uFEFFА\u200Bс\u200Cе\u200Dл\u200E\u200F\u2066ь\u2067\u2068\u2069\u2060\u00AD\u061C')).toBe('Асель');
		expect(withoutInvisibleFormatting('Әсем Құлпынай-Ñoño O’Brien')).toBe('Әсем Құлпынай-Ñoño O’Brien');
	});
});

describe('name fields', () => {
	const name = nameText(100);
	const issueOf = (result: ReturnType<typeof name.safeParse>) => (result.success ? null : result.error.issues[0]!.message);

	it('store a name without its invisible formatting, in NFC', () => {
		expect(name.parse('  Ай\u200Bгерім\u202E ')).toBe('Айгерім');
		expect(name.parse('Й'.normalize('NFD'))).toBe('Й');
		expect(optionalNameText(300).parse('\u200B\u2066')).toBeNull();
	});

	it('refuse control characters with their own message, and a name of nothing but invisible marks as missing', () => {
		expect(issueOf(name.safeParse('Асель\u0000'))).toBe('error_invalid_characters');
		expect(issueOf(name.safeParse('Асель\nКаримова'))).toBe('error_invalid_characters');
		expect(issueOf(name.safeParse('\u200B\u200F'))).toBe('error_required');
		expect(singleLineText(5).safeParse('\u0000').success).toBe(false);
	});
});
