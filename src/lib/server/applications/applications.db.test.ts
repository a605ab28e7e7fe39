import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text as readText } from 'node:stream/consumers';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../applications/form-definition.ts';
import { LIMITS } from '../accounts/limits.ts';
import { consumeRateLimit } from '../accounts/rate-limit.ts';
import { userAccount } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/session.ts';
import { auditEvent } from '../audit/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { AppError } from '../errors.ts';
import { createLocalStorage } from '../files/local-storage.ts';
import { outboxMessage } from '../notifications/schema.ts';
import { attachDocument } from './attach-document.ts';
import { countUnreadMessages } from './count-unread-messages.ts';
import { createDraft } from './create-draft.ts';
import { deleteDraft } from './delete-draft.ts';
import { getApplicationForm } from './get-application-form.ts';
import { listMyApplications } from './list-my-applications.ts';
import { openDocument } from './open-document.ts';
import { markThreadRead, readThread } from './read-thread.ts';
import { removeDocument } from './remove-document.ts';
import { saveStep } from './save-step.ts';
import { application, applicationEvent, applicationMessage, formDefinition, resultDocument } from './schema.ts';
import { seedFormDefinitions } from './seed-form-definitions.ts';
import { submitApplication } from './submit-application.ts';
import { withdrawApplication } from './withdraw-application.ts';

const text = (en: string) => ({ kk: en, ru: en, en });
const steps: StepDefinition[] = [
	{
		key: 'company',
		title: text('Company'),
		fields: [
			{ key: 'name', type: 'text', label: text('Name'), isRequired: true, prefill: 'organisation_name' },
			{ key: 'bin', type: 'iin_bin', label: text('BIN'), isRequired: true, prefill: 'iin_bin' },
			{ key: 'phone', type: 'phone', label: text('Phone'), isRequired: true, prefill: 'phone' }
		],
		documents: [{ key: 'charter', label: text('Charter'), allowedTypes: ['pdf'], maxSizeBytes: 1000, minFiles: 1, maxFiles: 1, isRequired: true }]
	},
	{ key: 'consultant_question', title: text('Question'), fields: [{ key: 'question', type: 'long_text', label: text('Question'), isRequired: false }], documents: [] }
];

let handle: DatabaseHandle;
let storageDir: string;
let company: SessionUser;
let colleague: SessionUser;
let stranger: SessionUser;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function makeUser(values: Partial<typeof userAccount.$inferInsert> & { login: string; kind: 'individual' | 'legal_entity' }): Promise<SessionUser> {
	const [row] = await handle.db
		.insert(userAccount)
		.values({ firstName: 'Айгерім', lastName: 'Сәрсенова', phone: '+77011234567', passwordHash: 'x', isActive: true, ...values })
		.returning();
	return { id: row!.id, role: 'applicant', kind: row!.kind, login: row!.login, firstName: row!.firstName, lastName: row!.lastName, organisationName: row!.organisationName, locale: row!.locale, providerId: null };
}

async function tempFile(bytes: Buffer) {
	const target = path.join(storageDir, `in-${Math.random().toString(36).slice(2)}`);
	await fs.writeFile(target, bytes);
	return { tempPath: target, originalName: 'Жарғы.pdf', sizeBytes: bytes.length, sha256: 'ab'.repeat(32) };
}

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: steps });
	storageDir = await fs.mkdtemp(path.join(os.tmpdir(), 'applications-'));
	company = await makeUser({ kind: 'legal_entity', login: '940140000385', organisationName: 'ТОО «Дала»', email: 'dala@example.kz' });
	colleague = { ...company, id: (await makeUser({ kind: 'individual', login: '871008401427' })).id, kind: 'legal_entity' };
	stranger = await makeUser({ kind: 'individual', login: '900101300014' });
});
afterAll(async () => {
	await handle?.close();
	if (storageDir) await fs.rm(storageDir, { recursive: true, force: true });
});

describe('applications', () => {
	it('keep the form version they began with; a changed form becomes a new version', async () => {
		expect(await seedFormDefinitions(handle.db, { subsidy: steps })).toBe(0);
		const draft = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		expect(await seedFormDefinitions(handle.db, { subsidy: [...steps].reverse() })).toBe(1);
		const form = await getApplicationForm(handle.db, company, draft.number, 'en');
		expect(form.steps.map((s) => s.key)).toEqual(['company', 'consultant_question']);
		const versions = await handle.db.select({ version: formDefinition.version }).from(formDefinition);
		expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
		await seedFormDefinitions(handle.db, { subsidy: steps });
	});

	it('number drafts as <sequence>-DD-MM-YY and fill in the client card', async () => {
		const draft = await createDraft(handle.db, company, { serviceSlug: 'ppp-consultation', now: new Date('2018-11-15T10:00:00+05:00') }).catch((e: unknown) => e);
		// A service without a form cannot be ordered.
		expect((draft as AppError).code).toBe('service.not_found');
		const created = await createDraft(handle.db, company, { serviceSlug: 'subsidy', now: new Date('2018-11-14T21:30:00Z') });
		expect(created.number).toMatch(/^\d+-15-11-18$/);
		const form = await getApplicationForm(handle.db, company, created.number, 'ru');
		expect(form.answers.company).toEqual({ name: 'ТОО «Дала»', bin: '940140000385', phone: '+77011234567' });
		expect(form.statuses.every((s) => !s.isComplete)).toBe(true);
		expect(form.applicant).toEqual({ organisation: 'ТОО «Дала»', iinBin: '940140000385', name: 'Сәрсенова Айгерім' });
	});

	it('save a step with what was typed, complete or not, and send only when every step is complete', async () => {
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		const wrong = await saveStep(handle.db, company, { number, stepKey: 'company', answers: { name: 'Дала', bin: '123', phone: '' } });
		expect(wrong.isComplete).toBe(false);
		expect(wrong.errors).toEqual({ bin: 'error_iin_invalid', phone: 'error_required' });
		expect((await getApplicationForm(handle.db, company, number, 'en')).answers.company).toMatchObject({ bin: '123' });
		const key = (await getApplicationForm(handle.db, company, number, 'en')).submissionKey;
		expect(await submitApplication(handle.db, company, { number, submissionKey: key })).toEqual({ status: 'incomplete', stepKeys: ['company', 'consultant_question'] });

		expect((await saveStep(handle.db, company, { number, stepKey: 'company', answers: { name: 'Дала', bin: '940140000385', phone: '87011234567' } })).isComplete).toBe(true);
		await saveStep(handle.db, company, { number, stepKey: 'consultant_question', answers: {} });
		// The document is still missing.
		expect(await submitApplication(handle.db, company, { number, submissionKey: key })).toEqual({ status: 'incomplete', stepKeys: ['company'] });
	});

	it('check files by their bytes, size and count; downloads only for the owner', async () => {
		const storage = createLocalStorage(path.join(storageDir, 'files'));
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		const html = await tempFile(Buffer.from('<html><script>alert(1)</script></html>'));
		await expect(attachDocument(handle.db, storage, null, company, { number, requirementKey: 'charter', file: { ...html, originalName: 'charter.pdf' } })).rejects.toMatchObject({ code: 'file.type_not_allowed' });
		const big = await tempFile(Buffer.concat([PDF, Buffer.alloc(2000)]));
		await expect(attachDocument(handle.db, storage, null, company, { number, requirementKey: 'charter', file: big })).rejects.toMatchObject({ code: 'file.too_large' });
		await expect(attachDocument(handle.db, storage, null, stranger, { number, requirementKey: 'charter', file: await tempFile(PDF) })).rejects.toMatchObject({ code: 'application.not_found' });
		const infected = { scanFile: async () => ({ isInfected: true as const, signature: 'Eicar-Test-Signature' }) };
		await expect(attachDocument(handle.db, storage, infected, company, { number, requirementKey: 'charter', file: await tempFile(PDF) })).rejects.toMatchObject({ code: 'file.infected' });

		const { id } = await attachDocument(handle.db, storage, null, company, { number, requirementKey: 'charter', file: await tempFile(PDF) });
		await expect(attachDocument(handle.db, storage, null, company, { number, requirementKey: 'charter', file: await tempFile(PDF) })).rejects.toMatchObject({ code: 'file.too_many' });
		// Replacing swaps the file in one go; another application's file cannot be named.
		await expect(attachDocument(handle.db, storage, null, company, { number, requirementKey: 'charter', file: await tempFile(PDF), replacesDocumentId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'document.not_found' });
		const replacement = await attachDocument(handle.db, storage, null, company, { number, requirementKey: 'charter', file: { ...(await tempFile(PDF)), originalName: 'Жарғы-2.pdf' }, replacesDocumentId: id });
		await expect(openDocument(handle.db, storage, company, { number, documentId: id })).rejects.toMatchObject({ code: 'document.not_found' });
		expect((await getApplicationForm(handle.db, company, number, 'en')).documents.map((d) => d.originalName)).toEqual(['Жарғы-2.pdf']);
		await removeDocument(handle.db, storage, company, { number, documentId: replacement.id });
		const again = await attachDocument(handle.db, storage, null, company, { number, requirementKey: 'charter', file: await tempFile(PDF) });
		const opened = await openDocument(handle.db, storage, colleague, { number, documentId: again.id });
		expect(opened).toMatchObject({ originalName: 'Жарғы.pdf', documentType: 'pdf' });
		opened.stream.destroy();
		await expect(openDocument(handle.db, storage, stranger, { number, documentId: again.id })).rejects.toMatchObject({ code: 'application.not_found' });
		await removeDocument(handle.db, storage, company, { number, documentId: again.id });
		await expect(openDocument(handle.db, storage, company, { number, documentId: again.id })).rejects.toMatchObject({ code: 'document.not_found' });
	});

	it('submit once for twenty parallel sends, with timeline, thread, audit and notification in one go', async () => {
		const storage = createLocalStorage(path.join(storageDir, 'files'));
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		await saveStep(handle.db, company, { number, stepKey: 'company', answers: { name: 'Дала', bin: '940140000385', phone: '+77011234567' } });
		await saveStep(handle.db, company, { number, stepKey: 'consultant_question', answers: { question: 'Қашан?' } });
		await attachDocument(handle.db, storage, null, company, { number, requirementKey: 'charter', file: await tempFile(PDF) });
		const { submissionKey } = await getApplicationForm(handle.db, company, number, 'kk');
		const outboxBefore = (await handle.db.select().from(outboxMessage)).length;

		const outcomes = await Promise.all(Array.from({ length: 20 }, () => submitApplication(handle.db, company, { number, submissionKey })));
		expect(outcomes.every((o) => o.status === 'submitted')).toBe(true);
		const [row] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(row!.status).toBe('submitted');
		expect(await handle.db.select().from(applicationEvent).where(eq(applicationEvent.applicationId, row!.id))).toHaveLength(1);
		expect(await handle.db.select().from(applicationMessage).where(eq(applicationMessage.applicationId, row!.id))).toHaveLength(1);
		expect((await handle.db.select().from(outboxMessage)).length).toBe(outboxBefore + 1);
		expect((await handle.db.select().from(auditEvent).where(eq(auditEvent.action, 'application.submit'))).filter((e) => e.subject === number)).toHaveLength(1);

		// Read-only from now on.
		await expect(saveStep(handle.db, company, { number, stepKey: 'company', answers: {} })).rejects.toMatchObject({ code: 'application.not_editable' });
		await expect(deleteDraft(handle.db, storage, company, { number })).rejects.toMatchObject({ code: 'application.not_editable' });
		const thread = await readThread(handle.db, company, number, 'en');
		expect(thread.messages[0]!.text).toContain(number);
		expect(thread.timeline.map((t) => t.toStatus)).toEqual(['submitted']);

		await withdrawApplication(handle.db, company, { number });
		await expect(withdrawApplication(handle.db, company, { number })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });
	});

	it('list a BIN\'s applications newest first, count unread messages, and hide others\' applications', async () => {
		const mine = await listMyApplications(handle.db, company, { page: 1, locale: 'en' });
		expect(mine.total).toBeGreaterThan(3);
		expect(mine.rows.map((r) => r.createdAt.getTime())).toEqual([...mine.rows.map((r) => r.createdAt.getTime())].sort((a, b) => b - a));
		// A colleague representing the same BIN sees the same list.
		expect((await listMyApplications(handle.db, colleague, { page: 1, locale: 'en' })).total).toBe(mine.total);
		expect((await listMyApplications(handle.db, stranger, { page: 1, locale: 'en' })).total).toBe(0);
		// Staff reach applications through the office, never through the applicant's pages, even with the same BIN.
		const executor: SessionUser = { ...company, role: 'executor' };
		expect((await listMyApplications(handle.db, executor, { page: 1, locale: 'en' })).total).toBe(0);
		await expect(getApplicationForm(handle.db, executor, mine.rows[0]!.number, 'en')).rejects.toMatchObject({ code: 'application.not_found', status: 404 });
		await expect(createDraft(handle.db, executor, { serviceSlug: 'subsidy' })).rejects.toMatchObject({ code: 'application.applicants_only' });
		expect((await listMyApplications(handle.db, company, { status: 'withdrawn', page: 1, locale: 'en' })).total).toBe(1);
		// A page past the end shows the last page there is, with the same total.
		const beyond = await listMyApplications(handle.db, company, { page: 99, locale: 'en' });
		expect(beyond).toMatchObject({ page: 1, pageCount: 1, total: mine.total });
		expect(beyond.rows).toHaveLength(mine.rows.length);
		// Messages the company caused itself are read; the colleague has not read them.
		expect(await countUnreadMessages(handle.db, company)).toBe(0);
		expect(await countUnreadMessages(handle.db, colleague)).toBe(2);
		const withdrawn = (await listMyApplications(handle.db, colleague, { status: 'withdrawn', page: 1, locale: 'en' })).rows[0]!;
		expect(withdrawn.hasUnread).toBe(true);
		// Reading the thread changes nothing; marking it read (the page does, once shown) does.
		const shown = await readThread(handle.db, colleague, withdrawn.number, 'en');
		expect(await countUnreadMessages(handle.db, colleague)).toBe(2);
		await markThreadRead(handle.db, colleague, withdrawn.number, shown.messages[0]!.id);
		expect(await countUnreadMessages(handle.db, colleague)).toBe(1);
		await markThreadRead(handle.db, colleague, withdrawn.number);
		expect(await countUnreadMessages(handle.db, colleague)).toBe(0);
		// A mark never moves back, and a stranger cannot mark another's thread.
		await markThreadRead(handle.db, colleague, withdrawn.number, shown.messages[0]!.id);
		expect(await countUnreadMessages(handle.db, colleague)).toBe(0);
		await expect(markThreadRead(handle.db, stranger, withdrawn.number)).rejects.toMatchObject({ status: 404 });
	});

	it('refuse uploads over the hourly limit per applicant', async () => {
		const storage = createLocalStorage(path.join(storageDir, 'files'));
		const { number } = await createDraft(handle.db, stranger, { serviceSlug: 'subsidy' });
		const { limit, windowSeconds } = LIMITS.uploadsPerAccount;
		for (let index = 0; index < limit; index++) await consumeRateLimit(handle.db, `upload:${stranger.id}`, limit, windowSeconds);
		await expect(attachDocument(handle.db, storage, null, stranger, { number, requirementKey: 'charter', file: await tempFile(PDF) })).rejects.toMatchObject({ code: 'file.rate_limited', status: 429 });
	});

	it('show the provider\'s result documents to the applicant only, through their own route', async () => {
		const storage = createLocalStorage(path.join(storageDir, 'files'));
		const [sent] = await handle.db.select().from(application).where(eq(application.status, 'withdrawn'));
		const source = await tempFile(PDF);
		await storage.save('results/answer-1', source.tempPath);
		const [result] = await handle.db
			.insert(resultDocument)
			.values({ applicationId: sent!.id, kind: 'consultation_answer', storageKey: 'results/answer-1', originalName: 'Жауап.pdf', documentType: 'pdf', sizeBytes: PDF.length, sha256: 'cd'.repeat(32) })
			.returning({ id: resultDocument.id });
		const form = await getApplicationForm(handle.db, colleague, sent!.number, 'kk');
		expect(form.results).toMatchObject([{ id: result!.id, kind: 'consultation_answer', originalName: 'Жауап.pdf', signers: [], signatures: [], awaiting: null }]);
		const opened = await openDocument(handle.db, storage, company, { number: sent!.number, documentId: result!.id, source: 'result' });
		expect(await readText(opened.stream)).toBe(PDF.toString());
		await expect(openDocument(handle.db, storage, stranger, { number: sent!.number, documentId: result!.id, source: 'result' })).rejects.toMatchObject({ code: 'application.not_found' });
		// A result is not reachable as an attached document, nor the other way round.
		await expect(openDocument(handle.db, storage, company, { number: sent!.number, documentId: result!.id })).rejects.toMatchObject({ code: 'document.not_found' });
	});

	it('delete a draft with its files', async () => {
		const storage = createLocalStorage(path.join(storageDir, 'files'));
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		const { id } = await attachDocument(handle.db, storage, null, company, { number, requirementKey: 'charter', file: await tempFile(PDF) });
		const opened = await openDocument(handle.db, storage, company, { number, documentId: id });
		opened.stream.destroy();
		await expect(deleteDraft(handle.db, storage, stranger, { number })).rejects.toMatchObject({ code: 'application.not_found' });
		await deleteDraft(handle.db, storage, company, { number });
		expect(await handle.db.select().from(application).where(eq(application.number, number))).toHaveLength(0);
	});
});
