import { error } from '@sveltejs/kit';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { getDb } from '#lib/server/app-context.ts';
import { requestContext } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { signatureDownload } from '#lib/server/http/signature-download.ts';
import { openSignature } from '#lib/server/signatures/open-signature.ts';
import type { RequestHandler } from './$types';

/** A signature of a result document for the provider's staff; each download is audited. */
export const GET: RequestHandler = async (event) => {
	const user = event.locals.user;
	if (!user || !canUseOffice(user)) error(404, 'not_found');
	const { params } = event;
	return signatureDownload(
		await runOperation(async () => openSignature(await getDb(), user, { area: 'office', number: params.number, documentId: params.id, party: params.party, ipAddress: requestContext(event).ipAddress }))
	);
};
