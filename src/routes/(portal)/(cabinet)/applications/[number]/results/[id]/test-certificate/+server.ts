import { error, json } from '@sveltejs/kit';
import { getDb } from '#lib/server/app-context.ts';
import { getApplicationForm } from '#lib/server/applications/get-application-form.ts';
import { recordAuditEvent } from '#lib/server/audit/record-audit-event.ts';
import { requestContext } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { issueDemoCertificate } from '#lib/server/signatures/demo-certificate.ts';
import { getSigningContext } from '#lib/server/signatures/signing-context.ts';
import { toBase64 } from '#lib/signing/cms/encoding.ts';
import type { RequestHandler } from './$types';

/**
 * The test signer's key and certificate, for a document waiting for this person's signature. The
 * demo's CA makes them on request; production has no test CA, so the address does not exist there.
 * A POST (checked for its origin like every form) since it makes a certificate each time.
 */
export const POST: RequestHandler = async (event) => {
	const user = event.locals.user!;
	const context = await runOperation(() => getSigningContext());
	if (!context.testCa) error(404, 'not_found');
	const db = await getDb();
	const form = await runOperation(() => getApplicationForm(db, user, event.params.number, event.locals.locale));
	const document = form.results.find((result) => result.id === event.params.id);
	if (!document || document.awaiting !== 'applicant') error(404, 'not_found');
	const credentials = await issueDemoCertificate(context.testCa, user);
	await runOperation(() => recordAuditEvent(db, { action: 'document.test_certificate_issued', actorUserId: user.id, subject: form.number, ipAddress: requestContext(event).ipAddress, details: { document: document.id } }));
	const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', credentials.privateKey));
	return json({ certificate: credentials.certificatePem, privateKey: toBase64(pkcs8), algorithm: credentials.algorithm }, { headers: { 'cache-control': 'no-store' } });
};
