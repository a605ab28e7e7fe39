import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/localized.ts';
import { AppError, ERROR_CODES, errorMessageKey, isErrorCode, notFound, type ErrorCode } from './errors.ts';

const catalogue = Object.fromEntries(LOCALES.map((locale) => [locale, JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>]));
const codes = Object.keys(ERROR_CODES) as ErrorCode[];

describe('the list of error codes', () => {
	it.each(LOCALES)('explains every code in %s', (locale) => {
		const unexplained = codes.filter((code) => {
			const text = catalogue[locale]![errorMessageKey(code)];
			return typeof text !== 'string' || !text.trim();
		});
		expect(unexplained).toEqual([]);
	});

	it('names codes as dotted lowercase and gives each an error status', () => {
		for (const code of codes) {
			expect(code).toMatch(/^[a-z]+\.[a-z_]+$/);
			expect(ERROR_CODES[code].status, code).toBeGreaterThanOrEqual(400);
			expect(ERROR_CODES[code].status, code).toBeLessThan(600);
		}
	});

	it('gives a thrown code its status and its message', () => {
		const thrown = new AppError('file.too_large');
		expect(thrown).toMatchObject({ code: 'file.too_large', status: 413, message: 'file.too_large' });
		expect(errorMessageKey(thrown.code)).toBe('error_file_too_large');
		expect(notFound('service')).toMatchObject({ code: 'service.not_found', status: 404 });
		expect(new AppError('file.scanner_unavailable', { cause: 'timeout' }).cause).toBe('timeout');
	});

	it('accepts only listed codes', () => {
		// @ts-expect-error an unknown code does not compile
		expect(() => new AppError('application.missing')).toThrow();
		// @ts-expect-error nor does an unknown kind of missing thing
		expect(() => notFound('user')).toThrow();
		expect(isErrorCode('application.not_found')).toBe(true);
		expect(isErrorCode('toString')).toBe(false);
		expect(isErrorCode('not_signed_in')).toBe(false);
	});
});
