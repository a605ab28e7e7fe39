import { pickLocalized, type Locale, type LocalizedText, type ShownText } from '../../i18n/localized.ts';

export type { ShownText };

export const show = (text: LocalizedText | null | undefined, locale: Locale): ShownText => pickLocalized(text, locale);
