import { getDb } from '#lib/server/app-context.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { signatureDownload } from '#lib/server/http/signature-download.ts';
import { openSignature } from '#lib/server/signatures/open-signature.ts';
import type { RequestHandler } from './$types';

/** A signature of a result document, as a `.cms` file beside the document. */
export const GET: RequestHandler = async ({ params, locals }) =>
	signatureDownload(await runOperation(async () => openSignature(await getDb(), locals.user!, { area: 'cabinet', number: params.number, documentId: params.id, party: params.party })));
