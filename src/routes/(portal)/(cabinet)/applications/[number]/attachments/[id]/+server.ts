import { getDb } from '#lib/server/app-context.ts';
import { openDocument } from '#lib/server/applications/open-document.ts';
import { downloadResponse } from '#lib/server/files/download-response.ts';
import { getFileServices } from '#lib/server/files/get-file-services.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { RequestHandler } from './$types';

/** A file sent in the application's thread, by either side; staff notes' files are not the applicant's to see. */
export const GET: RequestHandler = async ({ params, locals }) =>
	downloadResponse(await runOperation(async () => openDocument(await getDb(), getFileServices().storage, locals.user!, { number: params.number, documentId: params.id, source: 'message' })));
