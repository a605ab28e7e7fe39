import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { createDraft } from '../applications/create-draft.ts';
import { application, applicationMessage, resultDocument } from '../applications/schema.ts';
import { seedFormDefinitions } from '../applications/seed-form-definitions.ts';
import { auditEvent } from '../audit/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { testPerson } from '../db/test-people.ts';
import { createLocalStorage } from '../files/local-storage.ts';
import { assignExecutor } from '../office/assign-executor.ts';
import { issueResultDocument } from '../office/issue-result-document.ts';
import { moveApplication } from '../office/move-application.ts';
import { requestSignature } from '../office/request-signature.ts';
import { providerSigning } from '../office/provider-signing.ts';
import { provider } from '../catalog/schema.ts';
import { signDetached } from '../../signing/cms/sign-cms.ts';
import { SIGNING_PLANS, type SigningPlan } from '../../signing/signing-plan.ts';
import { documentSignature } from './schema.ts';
import { checkIssuedDocument, checkUploadedSignature } from './check-document.ts';
import { openSignature } from './open-signature.ts';
import { signResultDocument, type SignatureServices } from './sign-result-document.ts';
import { toBase64 } from '../../signing/cms/encoding.ts';
import { createTestCa, issueTestCertificate, type TestCa, type TestCredentials } from './test-pki.ts';
import { serialNumberHex } from '../../signing/cms/certificate-info.ts';
import { startTestOcspResponder } from './revocation/test-ocsp-responder.ts';

// The test CA's certificates are valid from the moment they are made.
const NOW = new Date();
let handle: DatabaseHandle;
let directory: string;
let files: { storage: ReturnType<typeof createLocalStorage>; tempDirectory: string; maxUploadBytes: number };
let services: SignatureServices;
let ca: TestCa;
let owner: Actor, other: Actor, company: Actor, supervisor: Actor, executor: Actor, chamberSupervisor: Actor, providerSigner: Actor;
let ownerKey: TestCredentials, otherKey: TestCredentials, companyHead: TestCredentials, companyEmployee: TestCredentials;
let signerKey: TestCredentials, signerOtherBin: TestCredentials, signerAsEmployee: TestCredentials, colleagueKey: TestCredentials;
const AGENCY_BIN = '050240000709';

/** An application of `applicant` waiting for the signature of one act issued under `plan`. */
async function awaitingSignature(applicant: Actor, plan: SigningPlan = 'applicant'): Promise<{ number: string; documentId: string; bytes: Uint8Array }> {
	const draft = await createDraft(handle.db, { ...applicant, firstName: 'Aru', lastName: 'Owner', organisationName: applicant.kind === 'legal_entity' ? 'LLP' : null, locale: 'en' }, { serviceSlug: 'subsidy' });
	await handle.db.update(application).set({ status: 'submitted', submittedAt: NOW }).where(eq(application.number, draft.number));
	await assignExecutor(handle.db, supervisor, { numbers: [draft.number], executorId: executor.id, now: NOW });
	await moveApplication(handle.db, executor, { number: draft.number, action: 'take', now: NOW });
	const pdf = path.join(directory, `${draft.number}.pdf`);
	const bytes = new TextEncoder().encode(`%PDF-1.4\n% act of ${draft.number}\ntrailer<<>>\n%%EOF\n`);
	writeFileSync(pdf, bytes);
	const sha256 = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
	const issued = await issueResultDocument(handle.db, files, executor, { number: draft.number, kind: 'act', source: 'uploaded', file: { tempPath: pdf, originalName: 'act.pdf', sizeBytes: bytes.length, sha256 }, signing: 'applicant', now: NOW });
	if (issued.status !== 'issued') throw new Error('not issued');
	// Set as it would be stored, whether or not the provider could be offered the plan at this moment.
	if (plan !== 'applicant') await handle.db.update(resultDocument).set({ signers: [...SIGNING_PLANS[plan]] }).where(eq(resultDocument.id, issued.id));
	await requestSignature(handle.db, executor, { number: draft.number, now: NOW });
	return { number: draft.number, documentId: issued.id, bytes };
}

const sign = (actor: Actor, target: { number: string; documentId: string }, cms: string) => signResultDocument(handle.db, services, actor, { ...target, cms, now: NOW });
const signForProvider = (actor: Actor, target: { number: string; documentId: string }, cms: string) => signResultDocument(handle.db, services, actor, { ...target, area: 'office', cms, now: NOW });
const cmsOf = (bytes: Uint8Array, key: TestCredentials) => signDetached({ content: bytes, certificate: key.certificate, privateKey: key.privateKey, signingTime: NOW });
const statusOf = async (number: string) => (await handle.db.select({ status: application.status }).from(application).where(eq(application.number, number)))[0]!.status;

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: [{ key: 'question', title: { kk: 'Q', ru: 'Q', en: 'Q' }, fields: [], documents: [] }] });
	directory = mkdtempSync(path.join(tmpdir(), 'signing-'));
	files = { storage: createLocalStorage(path.join(directory, 'store')), tempDirectory: path.join(directory, 'tmp'), maxUploadBytes: 1024 * 1024 };
	owner = await testPerson(handle.db, 'applicant', '900101300014', null);
	other = await testPerson(handle.db, 'applicant', '850505300011', null);
	const companyAccount = await testPerson(handle.db, 'applicant', '123456789012', null, { kind: 'legal_entity', organisationName: 'LLP Test' });
	company = { ...companyAccount, kind: 'legal_entity' };
	supervisor = await testPerson(handle.db, 'supervisor', '800101300016', 'agency');
	executor = await testPerson(handle.db, 'executor', '800101300026', 'agency');
	chamberSupervisor = await testPerson(handle.db, 'supervisor', '800101300017', 'chamber');
	providerSigner = { ...(await testPerson(handle.db, 'supervisor', '800101300027', 'agency', { isProviderSigner: true })), isProviderSigner: true };
	ca = await createTestCa({ algorithm: 'ecdsa' });
	const person = (iin: string, extra: Partial<Parameters<typeof issueTestCertificate>[1]> = {}) =>
		issueTestCertificate(ca, { iin, surname: 'TEST', givenName: 'PERSON', roles: ['individual'], purpose: 'signing', algorithm: 'ecdsa', ...extra });
	[ownerKey, otherKey, companyHead, companyEmployee] = await Promise.all([
		person(owner.login),
		person(other.login),
		person('700101300015', { bin: company.login, organisation: 'LLP Test', roles: ['organisation', 'head'] }),
		person('700101300016', { bin: company.login, organisation: 'LLP Test', roles: ['organisation', 'employee'] })
	]);
	const forAgency = (iin: string, bin: string, roles: Parameters<typeof issueTestCertificate>[1]['roles']) => person(iin, { bin, organisation: 'AGENCY', roles });
	[signerKey, signerOtherBin, signerAsEmployee, colleagueKey] = await Promise.all([
		forAgency(providerSigner.login, AGENCY_BIN, ['organisation', 'right_to_sign']),
		forAgency(providerSigner.login, '050240000719', ['organisation', 'right_to_sign']),
		forAgency(providerSigner.login, AGENCY_BIN, ['organisation', 'employee']),
		forAgency(supervisor.login, AGENCY_BIN, ['organisation', 'head'])
	]);
	services = { storage: files.storage, trustAnchors: [ca.certificate] };
});
afterAll(async () => {
	await handle?.close();
	if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("the applicant's EDS signature", () => {
	it('is verified, stored beside the frozen act with its certificate, audited, and completes the application; the same signature again changes nothing', async () => {
		const target = await awaitingSignature(owner);
		const cms = await cmsOf(target.bytes, ownerKey);
		expect(await sign(owner, target, cms)).toEqual({ status: 'signed', isCompleted: true });
		expect(await statusOf(target.number)).toBe('completed');
		const [stored] = await handle.db.select().from(documentSignature).where(eq(documentSignature.resultDocumentId, target.documentId));
		expect(stored).toMatchObject({ party: 'applicant', signerUserId: owner.id, signerIin: owner.login, cms, algorithm: 'ecdsa', verifiedAt: NOW });
		expect(stored!.serialNumber).toMatch(/^[0-9a-f]+$/);
		const audit = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'document.signed'), eq(auditEvent.subject, target.number)));
		expect(audit).toHaveLength(1);
		expect(audit[0]!.details).toMatchObject({ document: target.documentId, party: 'applicant', serial: stored!.serialNumber });
		const [row] = await handle.db.select({ id: application.id }).from(application).where(eq(application.number, target.number));
		const events = (await handle.db.select({ event: applicationMessage.event }).from(applicationMessage).where(eq(applicationMessage.applicationId, row!.id))).map((message) => message.event);
		expect(events.slice(-2)).toEqual(['application.sign', 'application.completed']);
		expect(await sign(owner, target, cms)).toEqual({ status: 'signed', isCompleted: true });
		expect(await handle.db.select().from(documentSignature).where(eq(documentSignature.resultDocumentId, target.documentId))).toHaveLength(1);
	});

	it("refuses a changed document, another person's key, nonsense, and a company key without the right to sign, storing nothing and keeping the application waiting", async () => {
		const target = await awaitingSignature(owner);
		const changed = target.bytes.slice();
		changed.set([changed.at(-2)! ^ 1], changed.length - 2);
		expect(await sign(owner, target, await cmsOf(changed, ownerKey))).toEqual({ status: 'refused', reason: 'content_changed' });
		expect(await sign(owner, target, await cmsOf(target.bytes, otherKey))).toEqual({ status: 'refused', reason: 'wrong_owner' });
		expect(await sign(owner, target, 'not a signature at all')).toEqual({ status: 'refused', reason: 'malformed' });
		expect(await sign(owner, target, '')).toEqual({ status: 'refused', reason: 'malformed' });
		const untrusted = await issueTestCertificate(await createTestCa({ algorithm: 'ecdsa' }), { iin: owner.login, surname: 'TEST', givenName: 'PERSON', roles: ['individual'], purpose: 'signing', algorithm: 'ecdsa' });
		expect(await sign(owner, target, await cmsOf(target.bytes, untrusted))).toEqual({ status: 'refused', reason: 'untrusted_chain' });
		expect(await handle.db.select().from(documentSignature).where(eq(documentSignature.resultDocumentId, target.documentId))).toEqual([]);
		expect(await statusOf(target.number)).toBe('awaiting_signature');
		expect(await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'document.signature_refused'), eq(auditEvent.subject, target.number)))).toHaveLength(5);

		const theirs = await awaitingSignature(company);
		expect(await sign(company, theirs, await cmsOf(theirs.bytes, companyEmployee))).toEqual({ status: 'refused', reason: 'wrong_role' });
		expect(await sign(company, theirs, await cmsOf(theirs.bytes, companyHead))).toEqual({ status: 'signed', isCompleted: true });
	});

	it("finds nothing for someone else's application or document, and refuses while nothing waits for this signature", async () => {
		const target = await awaitingSignature(owner);
		const cms = await cmsOf(target.bytes, otherKey);
		await expect(sign(other, target, cms)).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(sign(owner, { ...target, documentId: '00000000-0000-4000-8000-000000000000' }, cms)).rejects.toMatchObject({ code: 'document.not_found' });
		await expect(sign(owner, { ...target, documentId: 'x' }, cms)).rejects.toMatchObject({ code: 'document.not_found' });
		// The provider signs first under this plan: the applicant's turn has not come.
		const providerFirst = await awaitingSignature(owner, 'provider_then_applicant');
		expect(await sign(owner, providerFirst, await cmsOf(providerFirst.bytes, ownerKey))).toEqual({ status: 'refused', reason: 'not_awaiting' });
		// Issued but not yet sent for signing.
		const notSent = await awaitingSignature(owner);
		await handle.db.update(resultDocument).set({ frozenAt: null }).where(eq(resultDocument.id, notSent.documentId));
		expect(await sign(owner, notSent, await cmsOf(notSent.bytes, ownerKey))).toEqual({ status: 'refused', reason: 'not_awaiting' });
	});

	it('is downloadable as a .cms by whoever may open the document, on the record in the office, and checks out publicly', async () => {
		const target = await awaitingSignature(owner);
		await sign(owner, target, await cmsOf(target.bytes, ownerKey));
		const open = (actor: Actor, area: 'cabinet' | 'office', party = 'applicant') => openSignature(handle.db, actor, { area, number: target.number, documentId: target.documentId, party });
		const mine = await open(owner, 'cabinet');
		expect(mine.fileName).toBe('act.pdf.applicant.cms');
		expect((await open(executor, 'office')).der).toEqual(mine.der);
		expect(await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'application.signature_opened'), eq(auditEvent.subject, target.number)))).toHaveLength(1);
		await expect(open(other, 'cabinet')).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(open(chamberSupervisor, 'office')).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(open(owner, 'office')).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(open(owner, 'cabinet', 'provider')).rejects.toMatchObject({ code: 'document.not_found' });
		await expect(open(owner, 'cabinet', 'nobody')).rejects.toMatchObject({ code: 'document.not_found' });

		const checked = await checkUploadedSignature({ document: target.bytes, cms: toBase64(mine.der), trustAnchors: [ca.certificate], now: new Date() });
		expect(checked).toMatchObject({ isValid: true, reason: null, signer: { commonName: 'TEST PERSON' } });
		const issued = await checkIssuedDocument(handle.db, files.storage, [ca.certificate], target.documentId, 'en');
		expect(issued).toMatchObject({ kind: 'act', number: target.number, signatures: [{ isValid: true }] });
		// Against another trust store the same signature does not hold; unknown ids find nothing.
		expect((await checkIssuedDocument(handle.db, files.storage, [], target.documentId, 'en'))!.signatures[0]).toMatchObject({ isValid: false, reason: 'untrusted_chain' });
		expect(await checkIssuedDocument(handle.db, files.storage, [ca.certificate], '00000000-0000-4000-8000-000000000000', 'en')).toBeNull();
		expect(await checkIssuedDocument(handle.db, files.storage, [ca.certificate], 'x', 'en')).toBeNull();
	});
});

describe("the provider's EDS signature", () => {
	it("comes from a colleague with the provider's right to sign, under its BIN, after the applicant's, and the last one completes", async () => {
		const target = await awaitingSignature(owner, 'applicant_then_provider');
		// Not the provider's turn yet.
		expect(await signForProvider(providerSigner, target, await cmsOf(target.bytes, signerKey))).toEqual({ status: 'refused', reason: 'not_awaiting' });
		expect(await sign(owner, target, await cmsOf(target.bytes, ownerKey))).toEqual({ status: 'signed', isCompleted: false });
		expect(await statusOf(target.number)).toBe('awaiting_signature');
		// A supervisor without the right to sign, and the executor, may not sign for the provider.
		expect(await signForProvider(supervisor, target, await cmsOf(target.bytes, colleagueKey))).toEqual({ status: 'refused', reason: 'not_awaiting' });
		expect(await signForProvider(executor, target, await cmsOf(target.bytes, signerKey))).toEqual({ status: 'refused', reason: 'not_awaiting' });
		await expect(signForProvider({ ...chamberSupervisor, isProviderSigner: true }, target, await cmsOf(target.bytes, signerKey))).rejects.toMatchObject({ code: 'application.not_found' });
		// The signer's certificate must be their own, under the provider's BIN, with a role that signs for it.
		expect(await signForProvider(providerSigner, target, await cmsOf(target.bytes, signerOtherBin))).toEqual({ status: 'refused', reason: 'wrong_owner' });
		expect(await signForProvider(providerSigner, target, await cmsOf(target.bytes, colleagueKey))).toEqual({ status: 'refused', reason: 'wrong_owner' });
		expect(await signForProvider(providerSigner, target, await cmsOf(target.bytes, signerAsEmployee))).toEqual({ status: 'refused', reason: 'wrong_role' });
		expect(await signForProvider(providerSigner, target, await cmsOf(target.bytes, ownerKey))).toEqual({ status: 'refused', reason: 'wrong_owner' });

		const cms = await cmsOf(target.bytes, signerKey);
		expect(await signForProvider(providerSigner, target, cms)).toEqual({ status: 'signed', isCompleted: true });
		expect(await statusOf(target.number)).toBe('completed');
		const stored = await handle.db.select().from(documentSignature).where(eq(documentSignature.resultDocumentId, target.documentId));
		expect(stored.map((row) => row.party)).toEqual(['applicant', 'provider']);
		expect(stored[1]).toMatchObject({ signerUserId: providerSigner.id, signerIin: providerSigner.login, signerBin: AGENCY_BIN, roles: ['organisation', 'right_to_sign'] });
		const issued = await checkIssuedDocument(handle.db, files.storage, [ca.certificate], target.documentId, 'en');
		expect(issued!.signatures.map((signature) => signature.isValid)).toEqual([true, true]);
	});

	it('goes first where the plan says so, and tells the applicant it is their turn', async () => {
		const target = await awaitingSignature(owner, 'provider_then_applicant');
		expect(await signForProvider(providerSigner, target, await cmsOf(target.bytes, signerKey))).toEqual({ status: 'signed', isCompleted: false });
		const [row] = await handle.db.select({ id: application.id }).from(application).where(eq(application.number, target.number));
		const events = (await handle.db.select({ event: applicationMessage.event }).from(applicationMessage).where(eq(applicationMessage.applicationId, row!.id))).map((message) => message.event);
		expect(events.at(-1)).toBe('application.sign');
		expect(await sign(owner, target, await cmsOf(target.bytes, ownerKey))).toEqual({ status: 'signed', isCompleted: true });
	});

	it('is offered to the office only while the provider has a BIN and an active signer, and refused without a BIN', async () => {
		const draft = await awaitingSignature(owner, 'provider');
		await handle.db.update(provider).set({ bin: null }).where(eq(provider.slug, 'agency'));
		try {
			expect(await signForProvider(providerSigner, draft, await cmsOf(draft.bytes, signerKey))).toEqual({ status: 'refused', reason: 'wrong_owner' });
			const agencyId = supervisor.providerId!;
			expect(await providerSigning(handle.db, agencyId)).toEqual({ bin: null, canSign: false });
		} finally {
			await handle.db.update(provider).set({ bin: AGENCY_BIN }).where(eq(provider.slug, 'agency'));
		}
		expect(await providerSigning(handle.db, supervisor.providerId!)).toEqual({ bin: AGENCY_BIN, canSign: true });
		expect(await providerSigning(handle.db, chamberSupervisor.providerId!)).toEqual({ bin: null, canSign: false });
	});
});

describe('revocation through OCSP', () => {
	it('refuses a revoked certificate, and under «required» one whose responder does not answer; «best effort» passes an unreachable responder over', async () => {
		const responder = await startTestOcspResponder(ca);
		const withOcsp = (mode: 'best-effort' | 'required', url = responder.url) => ({ ...services, revocation: { mode, ocspUrl: url, timeoutMs: 500 } });
		const signWith = (settings: SignatureServices, target: { number: string; documentId: string }, cms: string) => signResultDocument(handle.db, settings, owner, { ...target, cms, now: NOW });
		try {
			const target = await awaitingSignature(owner);
			const cms = await cmsOf(target.bytes, ownerKey);
			responder.revoke(serialNumberHex(ownerKey.certificate));
			expect(await signWith(withOcsp('best-effort'), target, cms)).toEqual({ status: 'refused', reason: 'revoked' });
			expect(await signWith(withOcsp('required'), target, cms)).toEqual({ status: 'refused', reason: 'revoked' });
			const refusedAudit = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'document.signature_refused'), eq(auditEvent.subject, target.number)));
			expect(refusedAudit.map((row) => (row.details as { reason: string }).reason)).toEqual(['revoked', 'revoked']);

			// Another signer's certificate, still good, while the responder hangs or is not there.
			const other_ = await awaitingSignature(other);
			const good = await cmsOf(other_.bytes, otherKey);
			responder.setMode('hang');
			expect(await signResultDocument(handle.db, withOcsp('required'), other, { ...other_, cms: good, now: NOW })).toEqual({ status: 'refused', reason: 'revocation_unavailable' });
			expect(await signResultDocument(handle.db, withOcsp('required', 'http://127.0.0.1:9/ocsp'), other, { ...other_, cms: good, now: NOW })).toEqual({ status: 'refused', reason: 'revocation_unavailable' });
			expect(await statusOf(other_.number)).toBe('awaiting_signature');
			responder.setMode('normal');
			expect(await signResultDocument(handle.db, withOcsp('required'), other, { ...other_, cms: good, now: NOW })).toEqual({ status: 'signed', isCompleted: true });
			const signedAudit = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'document.signed'), eq(auditEvent.subject, other_.number)));
			expect(signedAudit[0]!.details).toMatchObject({ revocation: 'checked' });

			const third = await awaitingSignature(other);
			expect(await signResultDocument(handle.db, withOcsp('best-effort', 'http://127.0.0.1:9/ocsp'), other, { ...third, cms: await cmsOf(third.bytes, otherKey), now: NOW })).toEqual({ status: 'signed', isCompleted: true });

			// The public check of an uploaded copy asks the responder too.
			const checked = await checkUploadedSignature({ document: target.bytes, cms, trustAnchors: [ca.certificate], now: new Date(), revocation: { mode: 'required', ocspUrl: responder.url, timeoutMs: 500 } });
			expect(checked).toMatchObject({ isValid: false, reason: 'revoked', signer: { commonName: 'TEST PERSON' } });
		} finally {
			await responder.close();
		}
	});
});
