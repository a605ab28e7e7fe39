import { error, fail, json, type RequestEvent } from '@sveltejs/kit';
import { messageByKey } from '../../i18n/message-by-key.ts';
import type { Locale } from '../../i18n/localized.ts';
import type { SigningParty } from '../../signing/signing-plan.ts';
import type { SignerOwner } from '../../signing/signer.ts';
import { toBase64 } from '../../signing/cms/encoding.ts';
import { canSignForProvider } from '../access/application-policy.ts';
import type { SessionUser } from '../accounts/session.ts';
import { getDb } from '../app-context.ts';
import type { Area } from '../applications/find-own-application.ts';
import { getApplicationForm, type ApplicationForm } from '../applications/get-application-form.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { getConfig } from '../config.ts';
import { getFileServices } from '../files/get-file-services.ts';
import { issueDemoCertificate, issueDemoProviderCertificate } from '../signatures/demo-certificate.ts';
import { postedCms } from '../signatures/posted-cms.ts';
import { signResultDocument } from '../signatures/sign-result-document.ts';
import { getSigningContext } from '../signatures/signing-context.ts';
import type { TestCredentials } from '../signatures/test-pki.ts';
import { readFormFiles, requestContext } from './form.ts';
import { runOperation } from './run-operation.ts';

// The signing page, its form and the demo's test certificate, the same in the cabinet (the
// applicant's signature) and in the office (the provider's, by a colleague with its right to sign).

/** A `.cms` file is a few KiB; the form refuses anything much larger before reading it. */
const MAX_CMS_FILE_BYTES = 256 * 1024;

const PARTY: Record<Area, SigningParty> = { cabinet: 'applicant', office: 'provider' };

export interface SigningPage {
	number: string;
	serviceTitle: ApplicationForm['service']['title'];
	document: { id: string; originalName: string; kindText: string; sizeBytes: number };
	owner: SignerOwner;
	hasTestSigner: boolean;
}

interface Signable {
	form: ApplicationForm;
	document: ApplicationForm['results'][number];
	owner: SignerOwner;
}

/** The document waiting for this person's signature in this area, or null when it is not their turn. */
async function findSignable(area: Area, user: SessionUser, number: string, documentId: string, locale: Locale): Promise<Signable | null> {
	const form = await runOperation(async () => getApplicationForm(await getDb(), user, number, locale, area));
	const document = form.results.find((result) => result.id === documentId);
	if (!document) error(404, 'not_found');
	if (form.status !== 'awaiting_signature' || document.awaiting !== PARTY[area]) return null;
	if (area === 'cabinet') return { form, document, owner: user.kind === 'legal_entity' ? { bin: user.login } : { iin: user.login } };
	if (!canSignForProvider(user) || !form.provider.bin) return null;
	return { form, document, owner: { bin: form.provider.bin, iin: user.login } };
}

/** What the signing page shows, or null when the application's page is the place to go instead. */
export async function loadSigningPage(area: Area, user: SessionUser, params: { number: string; id: string }, locale: Locale): Promise<SigningPage | null> {
	const found = await findSignable(area, user, params.number, params.id, locale);
	if (!found) return null;
	const { form, document, owner } = found;
	return {
		number: form.number,
		serviceTitle: form.service.title,
		document: { id: document.id, originalName: document.originalName, kindText: messageByKey(`result_document_${document.kind}`), sizeBytes: document.sizeBytes },
		owner,
		hasTestSigner: getConfig().APP_MODE !== 'production'
	};
}

/**
 * The signature the browser made (through NCALayer or the test signer) or a `.cms` file made with
 * the signing app, verified on the server before it counts. Returns the failure to show, or null
 * once it is signed.
 */
export async function postSignature(area: Area, event: RequestEvent<{ number: string; id: string }>, user: SessionUser) {
	const { fields, files, tooLarge } = await readFormFiles(event.request, { cms_file: MAX_CMS_FILE_BYTES });
	const cms = postedCms(fields.cms, files.cms_file);
	if (tooLarge.length > 0 || cms === null) return fail(400, { error: tooLarge.length > 0 ? 'error_signature_malformed' : 'error_signature_missing' });
	const context = await runOperation(() => getSigningContext());
	const outcome = await runOperation(async () =>
		signResultDocument(await getDb(), { storage: getFileServices().storage, trustAnchors: context.trustAnchors, revocation: context.revocation, gost: context.gost }, user, {
			area,
			number: event.params.number,
			documentId: event.params.id,
			cms,
			ipAddress: requestContext(event).ipAddress
		})
	);
	return outcome.status === 'refused' ? fail(422, { error: `error_signature_${outcome.reason}` }) : null;
}

/**
 * The test signer's key and certificate, for a document waiting for this person's signature. The
 * demo's CA makes them on request; production has no test CA, so the address does not exist there.
 * A POST (checked for its origin like every form) since it makes a certificate each time.
 */
export async function testCertificateResponse(area: Area, event: RequestEvent<{ number: string; id: string }>, user: SessionUser): Promise<Response> {
	const context = await runOperation(() => getSigningContext());
	if (!context.testCa) error(404, 'not_found');
	const found = await findSignable(area, user, event.params.number, event.params.id, event.locals.locale);
	if (!found) error(404, 'not_found');
	const { form, document, owner } = found;
	const credentials: TestCredentials =
		area === 'cabinet' || !('bin' in owner)
			? await issueDemoCertificate(context.testCa, user)
			: await issueDemoProviderCertificate(context.testCa, user, { bin: owner.bin, name: form.provider.name.text });
	const db = await getDb();
	await runOperation(() => recordAuditEvent(db, { action: 'document.test_certificate_issued', actorUserId: user.id, subject: form.number, ipAddress: requestContext(event).ipAddress, details: { document: document.id } }));
	const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', credentials.privateKey));
	return json({ certificate: credentials.certificatePem, privateKey: toBase64(pkcs8), algorithm: credentials.algorithm }, { headers: { 'cache-control': 'no-store' } });
}
