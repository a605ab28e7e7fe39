import { Readable } from 'node:stream';
import type { DocumentType } from '../../applications/form-definition.ts';
import { EXTENSIONS, MEDIA_TYPES } from './detect-file-type.ts';
import { contentDispositionAttachment } from './sanitize-filename.ts';

/** A stored document as a download: always an attachment under a safe name, never rendered by the browser. */
export function downloadResponse(document: { stream: Readable; originalName: string; documentType: DocumentType; sizeBytes: number }): Response {
	return new Response(Readable.toWeb(document.stream) as ReadableStream, {
		headers: {
			'Content-Type': MEDIA_TYPES[document.documentType],
			'Content-Length': String(document.sizeBytes),
			'Content-Disposition': contentDispositionAttachment(document.originalName, EXTENSIONS[document.documentType]),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'no-store'
		}
	});
}
