import type { Locale } from './localized.ts';

/** The Intl locale for each of the portal's languages (British English: day before month). */
export const INTL_LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const satisfies Record<Locale, string>;

/** Dates and times as people in Kazakhstan read them: their clock, the reader's language. */
export function kazakhstanDateTime(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat(INTL_LOCALES[locale], { timeZone: 'Asia/Almaty', ...options });
}

/** A calendar date typed in a form (`YYYY-MM-DD`), shown in the reader's language without shifting the day. */
export function formatCalendarDate(value: string, locale: Locale, dateStyle: 'short' | 'long' = 'short'): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle, timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
}

/** An amount in tenge, with tiyn: «1 250 000,50 ₸». */
export function formatTenge(amount: number, locale: Locale): string {
	return `${new Intl.NumberFormat(INTL_LOCALES[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)} ₸`;
}

/** A size in megabytes with one decimal, for file limits and files. */
export function formatMegabytes(bytes: number, locale: Locale): string {
	return new Intl.NumberFormat(INTL_LOCALES[locale], { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);
}
