import { toBase64 } from '../../signing/cms/encoding.ts';

/**
 * The signature a form posted: the text the page's script put in the `cms` field, or a `.cms` file,
 * which signing apps save either as Base64 (or PEM) text or as raw DER. Null when there is neither.
 */
export function postedCms(text: string | undefined, file: Uint8Array | null): string | null {
	const typed = text?.trim();
	if (typed) return typed;
	if (!file || file.length === 0) return null;
	// Base64 and PEM are printable ASCII; DER starts with a SEQUENCE tag (0x30) and is binary.
	const isText = file.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f));
	return isText ? new TextDecoder().decode(file).trim() : toBase64(file);
}
