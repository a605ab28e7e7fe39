import { describe, expect, it } from 'vitest';
import { pickLocalized } from './localized.ts';

describe('pickLocalized', () => {
	it('returns the requested language when present', () => {
		expect(pickLocalized({ kk: 'Сәлем', ru: 'Привет', en: 'Hello' }, 'ru')).toEqual({ text: 'Привет', lang: 'ru' });
	});

	it('falls back kk → ru → en', () => {
		expect(pickLocalized({ kk: 'Сәлем', ru: 'Привет' }, 'en')).toEqual({ text: 'Сәлем', lang: 'kk' });
		expect(pickLocalized({ ru: 'Привет', en: 'Hello' }, 'kk')).toEqual({ text: 'Привет', lang: 'ru' });
		expect(pickLocalized({ en: 'Hello' }, 'ru')).toEqual({ text: 'Hello', lang: 'en' });
	});

	it('treats a blank translation as missing', () => {
		expect(pickLocalized({ kk: '  ', ru: 'Привет' }, 'kk')).toEqual({ text: 'Привет', lang: 'ru' });
	});

	it('gives an empty text for nothing at all', () => {
		expect(pickLocalized(null, 'kk')).toEqual({ text: '', lang: 'kk' });
		expect(pickLocalized({}, 'en')).toEqual({ text: '', lang: 'en' });
	});
});
