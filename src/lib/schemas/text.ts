import { z } from 'zod';

/**
 * The one rule for characters in what people type, used by every form that stores text.
 *
 * Control characters: PostgreSQL cannot store NUL (U+0000) in text or jsonb at all, so one NUL
 * used to turn a form into a 500; the other C0 and C1 controls (and DEL) have no meaning in a
 * name or an answer and only hide things. Multi-line text keeps tab, line feed and carriage
 * return; single-line text keeps none. Lone UTF-16 surrogates are refused with them: they are not
 * text, and jsonb refuses them too. Such values are refused with a message (`error_invalid_characters`),
 * never silently changed, because they may mean the text was pasted from somewhere it was damaged.
 *
 * Invisible formatting: bidirectional controls (U+202A–202E, U+2066–2069, U+061C, U+200E/F) and
 * zero-width characters (U+200B–200D, U+2060–2064, U+FEFF, soft hyphen U+00AD) let a name look like
 * another one (`\u202E` shows what follows backwards) or hide a difference from the staff who read
 * it. Where a string identifies someone (person and organisation names, file names) they are
 * removed rather than refused: they are invisible, so whoever pasted them could not find them to
 * delete them, and without them the text reads exactly as it looked.
 */

export const INVALID_CHARACTERS_MESSAGE = 'error_invalid_characters';

export type TextKind = 'single_line' | 'multi_line';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const SINGLE_LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above, less tab, line feed and carriage return
const MULTI_LINE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Without the `u` flag the pattern sees UTF-16 code units, so a half of a pair standing alone is found.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INVISIBLE_FORMATTING = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const controlsOf = (kind: TextKind) => (kind === 'multi_line' ? MULTI_LINE_CONTROLS : SINGLE_LINE_CONTROLS);

/** Whether `text` has a character that may not be stored in a field of this kind. */
export function hasInvalidCharacters(text: string, kind: TextKind = 'single_line'): boolean {
	return controlsOf(kind).test(text) || LONE_SURROGATE.test(text);
}

/** `text` without the characters `hasInvalidCharacters` objects to (for showing back what was typed, never instead of refusing). */
export function withoutInvalidCharacters(text: string, kind: TextKind = 'single_line'): string {
	return text.replace(new RegExp(controlsOf(kind), 'g'), '').replace(new RegExp(LONE_SURROGATE, 'g'), '');
}

/** `text` without bidirectional controls and zero-width characters. */
export function withoutInvisibleFormatting(text: string): string {
	return text.replace(INVISIBLE_FORMATTING, '');
}

/** A single-line text field, trimmed, required or not, between the given bounds. */
export const singleLineText = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'error_required')
		.max(max, 'error_too_long')
		.refine((value) => !hasInvalidCharacters(value), INVALID_CHARACTERS_MESSAGE);

/**
 * A person's or an organisation's name: invisible formatting removed and the letters in NFC (so
 * the same name typed on different systems is stored the same), then checked as single-line text.
 */
export const nameText = (max: number) => z.string().overwrite((value) => withoutInvisibleFormatting(value.normalize('NFC'))).pipe(singleLineText(max));

/** An optional name: absent (the field is not on this variant of the form) and blank both mean "not given". */
export const optionalNameText = (max: number) =>
	z
		.string()
		.overwrite((value) => withoutInvisibleFormatting(value.normalize('NFC')).trim())
		.max(max, 'error_too_long')
		.refine((value) => !hasInvalidCharacters(value), INVALID_CHARACTERS_MESSAGE)
		.optional()
		.transform((value) => (value ? value : null));

/** A multi-line text (a comment, a reason), trimmed and required: lines and tabs are kept. */
export const multiLineText = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'error_required')
		.max(max, 'error_too_long')
		.refine((value) => !hasInvalidCharacters(value, 'multi_line'), INVALID_CHARACTERS_MESSAGE);
