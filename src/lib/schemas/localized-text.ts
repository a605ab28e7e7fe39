import { z } from 'zod';
import { LOCALES, type Locale, type LocalizedText } from '../i18n/localized.ts';

/** An object with an optional `value` per locale and no other keys, so a misspelt locale is refused. */
export const perLocaleSchema = <T extends z.ZodType>(value: T) =>
	z.strictObject(Object.fromEntries(LOCALES.map((locale) => [locale, value.optional()])) as Record<Locale, z.ZodOptional<T>>);

/** A text in up to three languages (`{ kk, ru, en }`), at least one of them not blank. */
export const localizedTextSchema: z.ZodType<LocalizedText> = perLocaleSchema(z.string()).refine(
	(text) => LOCALES.some((locale) => (text[locale] ?? '').trim() !== ''),
	'needs a text in at least one of kk, ru, en'
);
