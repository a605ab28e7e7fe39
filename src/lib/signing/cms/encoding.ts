// Byte helpers shared by the verifier and the test signer. The signer is meant to run in the
// browser too, so nothing here may use Node-only APIs: atob/btoa and Uint8Array exist in both.

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Decodes standard base64, whitespace and line breaks allowed; null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
	const compact = text.replace(/\s+/g, '');
	if (compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
	const binary = atob(compact);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export function toBase64(bytes: Uint8Array): string {
	// String.fromCharCode with a spread of the whole array overflows the call stack on large inputs.
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

export interface PemBlock {
	label: string;
	der: Uint8Array;
}

/** Every PEM block in a text, in order; a block whose body is not base64 is an error. */
export function fromPem(text: string): PemBlock[] {
	const blocks: PemBlock[] = [];
	for (const match of text.matchAll(PEM_BLOCK)) {
		const label = match[1] ?? '';
		// RFC 7468 allows explanatory header lines ("Proc-Type: ...") before the body in old files.
		const body = (match[2] ?? '').replace(/^[^\n]*:[^\n]*$/gm, '');
		const der = fromBase64(body);
		if (!der) throw new Error(`PEM block "${label}" is not valid base64`);
		blocks.push({ label, der });
	}
	return blocks;
}

export function toPem(label: string, der: Uint8Array): string {
	const lines = toBase64(der).match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function toHex(bytes: Uint8Array): string {
	let hex = '';
	for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
	return hex;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return difference === 0;
}

/**
 * WebCrypto and pkijs take a BufferSource; a view over a larger or shared buffer is copied so the
 * callee never sees bytes outside the view.
 */
export function exactBuffer(bytes: Uint8Array): ArrayBuffer {
	if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
		return bytes.buffer;
	}
	return bytes.slice().buffer;
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', exactBuffer(bytes)));
}
