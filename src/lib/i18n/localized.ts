/** Locales the portal speaks; Kazakh is the base and the default at `/`. */
export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text stored in the database in up to three languages. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** A stored text chosen for display, with the language it is really in (for `lang` on a fallback). */
export interface ShownText {
	text: string;
	lang: Locale;
}

/** Order in which a missing translation is replaced: the state language first, then Russian, then English. */
const FALLBACK_ORDER: readonly Locale[] = ['kk', 'ru', 'en'];

/**
 * Picks the text for `locale`, falling back kk → ru → en when that translation is missing or blank.
 * Returns the locale actually used, so the page can mark a fallback with `lang`.
 */
export function pickLocalized(text: LocalizedText | null | undefined, locale: Locale): ShownText {
	if (text) {
		for (const candidate of [locale, ...FALLBACK_ORDER]) {
			const value = text[candidate];
			if (value && value.trim() !== '') return { text: value, lang: candidate };
		}
	}
	return { text: '', lang: locale };
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
