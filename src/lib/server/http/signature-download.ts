import { contentDispositionAttachment } from '../files/sanitize-filename.ts';

/** A `.cms` signature file as a download, never shown by the browser. */
export function signatureDownload(signature: { der: Uint8Array; fileName: string }): Response {
	return new Response(signature.der.slice().buffer, {
		headers: {
			'Content-Type': 'application/pkcs7-signature',
			'Content-Length': String(signature.der.length),
			'Content-Disposition': contentDispositionAttachment(signature.fileName, 'cms'),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'no-store'
		}
	});
}
