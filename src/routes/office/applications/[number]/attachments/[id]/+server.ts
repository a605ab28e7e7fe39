import { error } from '@sveltejs/kit';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { getDb } from '#lib/server/app-context.ts';
import { openDocument } from '#lib/server/applications/open-document.ts';
import { downloadResponse } from '#lib/server/files/download-response.ts';
import { getFileServices } from '#lib/server/files/get-file-services.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { RequestHandler } from './$types';

/** A file sent in the application's thread, downloaded by the provider's staff (on the audit record). */
export const GET: RequestHandler = async ({ params, locals, getClientAddress }) => {
	const user = locals.user;
	if (!user || !canUseOffice(user)) error(404, 'not_found');
	return downloadResponse(
		await runOperation(async () => openDocument(await getDb(), getFileServices().storage, user, { number: params.number, documentId: params.id, source: 'message', area: 'office', ipAddress: getClientAddress() }))
	);
};
