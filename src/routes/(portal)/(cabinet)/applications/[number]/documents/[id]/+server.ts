import { Readable } from 'node:stream';
import { getDb } from '#lib/server/app-context.ts';
import { openDocument } from '#lib/server/applications/open-document.ts';
import { EXTENSIONS, MEDIA_TYPES } from '#lib/server/files/detect-file-type.ts';
import { getFileServices } from '#lib/server/files/get-file-services.ts';
import { contentDispositionAttachment } from '#lib/server/files/sanitize-filename.ts';
import { runOperation } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Downloads one of the applicant's documents: always as an attachment, never rendered by the browser. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const document = await runOperation(async () => openDocument(await getDb(), getFileServices().storage, locals.user!, { number: params.number, documentId: params.id }));
	return new Response(Readable.toWeb(document.stream) as ReadableStream, {
		headers: {
			'Content-Type': MEDIA_TYPES[document.documentType],
			'Content-Length': String(document.sizeBytes),
			'Content-Disposition': contentDispositionAttachment(document.originalName, EXTENSIONS[document.documentType]),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'no-store'
		}
	});
};
