import { pickLocalized, type Locale, type LocalizedText } from '../../i18n/localized.ts';

/** A database text chosen for display, with the language it is really in (for `lang` on fallbacks). */
export interface ShownText {
	text: string;
	lang: Locale;
}

export const show = (text: LocalizedText | null | undefined, locale: Locale): ShownText => pickLocalized(text, locale);
