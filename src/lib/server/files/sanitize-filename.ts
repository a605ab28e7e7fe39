import { withoutInvalidCharacters, withoutInvisibleFormatting } from '../../schemas/text.ts';

/**
 * File names come from the applicant's computer and are shown to staff and sent back in download
 * headers, so they are treated as hostile text: no paths, no control or bidirectional-override
 * characters (which can make `evil‮fdp.exe` read as `evil.exe.pdf`), bounded length. The stored
 * file itself is always named by a generated key; these names are for display only.
 */

const MAX_DISPLAY_NAME_LENGTH = 200;

/**
 * C0/C1 controls, DEL, lone surrogates (which would also make `encodeURIComponent` throw) and the
 * invisible marks that reorder or hide text: the portal's one character rule, applied by removing.
 */
function removeUnsafeCharacters(text: string): string {
	return withoutInvisibleFormatting(withoutInvalidCharacters(text, 'single_line'));
}

/**
 * A name fit to show: only the base name (browsers on Windows may send `C:\…\file.pdf`), unsafe
 * characters removed, NFC so Kazakh letters typed on different systems compare equal, at most 200
 * characters (the extension kept when shortening). Empty when nothing usable is left.
 */
export function safeDisplayName(name: string, maxLength = MAX_DISPLAY_NAME_LENGTH): string {
	const baseName = name.split(/[/\\]/).pop() ?? '';
	const cleaned = removeUnsafeCharacters(baseName.normalize('NFC')).trim();
	if (cleaned === '.' || cleaned === '..') return '';
	const characters = Array.from(cleaned);
	if (characters.length <= maxLength) return cleaned;
	const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(cleaned)?.[0] ?? '';
	const extensionLength = Array.from(extension).length;
	return characters.slice(0, maxLength - extensionLength).join('').trimEnd() + extension;
}

/** Extensions that name the same type, so `photo.jpeg` is not renamed `photo.jpeg.jpg`. */
const EQUIVALENT_EXTENSIONS: Record<string, string[]> = { jpg: ['jpg', 'jpeg', 'jpe'], jpeg: ['jpg', 'jpeg', 'jpe'] };

/** RFC 8187 attr-char: everything else is percent-encoded (encodeURIComponent leaves `'()*` alone). */
function encodeRfc8187(text: string): string {
	return encodeURIComponent(text).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The `Content-Disposition` value for downloading a document: always `attachment` (never rendered
 * inline on the portal's origin), the extension forced to the type detected on upload so the file
 * opens with the right program, an ASCII `filename` for old clients and the exact UTF-8 name in
 * `filename*`. Quotes, backslashes, `%`, separators and control characters cannot break out of the header.
 */
export function contentDispositionAttachment(originalName: string, fallbackExtension: string): string {
	const extension = fallbackExtension.toLowerCase().replace(/[^a-z0-9]/g, '');
	let name = safeDisplayName(originalName).replace(/["\\]/g, '');
	if (!name.replace(/\.[^.]*$/, '').trim()) name = 'document';
	const accepted = EQUIVALENT_EXTENSIONS[extension] ?? [extension];
	const currentExtension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
	if (extension && (!currentExtension || !accepted.includes(currentExtension))) name = `${name}.${extension}`;

	const asciiStem = name
		.replace(/[^\x20-\x7e]/g, '_')
		.replace(/[%;]/g, '_')
		.replace(/_+/g, '_');
	const asciiName = /^[_\s.]*$/.test(asciiStem.replace(/\.[a-z0-9]+$/i, '')) ? `document${extension ? `.${extension}` : ''}` : asciiStem;
	return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}
