import type { Locale } from './localized.ts';

/** The Intl locale for each of the portal's languages (British English: day before month). */
export const INTL_LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const satisfies Record<Locale, string>;

/**
 * Formatters are kept once made: building one (locale data, time zone rules) costs more than a page
 * of rows takes to format, and a formatter never changes. The options come from the code, so the
 * kinds are few; the bound only guards against a caller that builds them from input.
 */
const MAX_FORMATTERS = 200;
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function kept<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
	let formatter = formatters.get(key) as T | undefined;
	if (!formatter) {
		if (formatters.size >= MAX_FORMATTERS) formatters.clear();
		formatter = make();
		formatters.set(key, formatter);
	}
	return formatter;
}

const dateTimeFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
	kept(`d ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(INTL_LOCALES[locale], options));
const numberFormat = (locale: Locale, options: Intl.NumberFormatOptions) =>
	kept(`n ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(INTL_LOCALES[locale], options));

/** Dates and times as people in Kazakhstan read them: their clock, the reader's language. */
export function kazakhstanDateTime(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return dateTimeFormat(locale, { timeZone: 'Asia/Almaty', ...options });
}

/** A calendar date typed in a form (`YYYY-MM-DD`), shown in the reader's language without shifting the day. */
export function formatCalendarDate(value: string, locale: Locale, dateStyle: 'short' | 'long' = 'short'): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	return dateTimeFormat(locale, { dateStyle, timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
}

/** An amount in tenge, with tiyn: «1 250 000,50 ₸». */
export function formatTenge(amount: number, locale: Locale): string {
	return `${numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)} ₸`;
}

/** A size in megabytes with one decimal, for file limits and files. */
export function formatMegabytes(bytes: number, locale: Locale): string {
	return numberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);
}
