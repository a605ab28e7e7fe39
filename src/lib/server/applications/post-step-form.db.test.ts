import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../applications/form-definition.ts';
import { userAccount } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/session.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { AppError } from '../errors.ts';
import { createLocalStorage } from '../files/local-storage.ts';
import type { ReceivedFormFile } from '../files/receive-form.ts';
import type { FileStorage } from '../files/storage.ts';
import { attachStepFiles } from './attach-step-files.ts';
import { createDraft } from './create-draft.ts';
import { getApplicationForm } from './get-application-form.ts';
import { postStepForm, type StepFormInput } from './post-step-form.ts';
import { application, applicationDocument, applicationEvent } from './schema.ts';
import { seedFormDefinitions } from './seed-form-definitions.ts';

const text = (en: string) => ({ kk: en, ru: en, en });
const steps: StepDefinition[] = [
	{
		key: 'company',
		title: text('Company'),
		fields: [
			{ key: 'name', type: 'text', label: text('Name'), isRequired: true },
			{ key: 'bin', type: 'iin_bin', label: text('BIN'), isRequired: true },
			{ key: 'staff', type: 'table', label: text('Staff'), isRequired: false, columns: [{ key: 'person', type: 'text', label: text('Person'), isRequired: true }] }
		],
		documents: [
			{ key: 'charter', label: text('Charter'), allowedTypes: ['pdf'], maxSizeBytes: 1000, minFiles: 1, maxFiles: 2, isRequired: true },
			{ key: 'licence', label: text('Licence'), allowedTypes: ['pdf'], maxSizeBytes: 1000, minFiles: 0, maxFiles: 1, isRequired: false }
		]
	},
	{ key: 'consultant_question', title: text('Question'), fields: [{ key: 'question', type: 'long_text', label: text('Question'), isRequired: false }], documents: [] }
];
const COMPLETE = { name: 'Дала', bin: '940140000385' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const HTML = Buffer.from('<html><script>alert(1)</script></html>');

let handle: DatabaseHandle;
let directory: string;
let storage: FileStorage;
let company: SessionUser;
let stranger: SessionUser;

async function makeUser(login: string, kind: 'individual' | 'legal_entity'): Promise<SessionUser> {
	const [row] = await handle.db.insert(userAccount).values({ kind, login, firstName: 'Айгерім', lastName: 'Сәрсенова', phone: '+77011234567', passwordHash: 'x', isActive: true }).returning();
	return { id: row!.id, role: 'applicant', kind: row!.kind, login: row!.login, firstName: row!.firstName, lastName: row!.lastName, organisationName: null, locale: row!.locale, providerId: null };
}

/** A file as the form reader hands it over: a temp file, or the reason it was not received. */
async function receivedFile(requirementKey: string, bytes: Buffer | AppError): Promise<ReceivedFormFile & { tempPath: string }> {
	const tempPath = path.join(directory, 'tmp', `${Math.random().toString(36).slice(2)}.upload`);
	await fs.writeFile(tempPath, bytes instanceof AppError ? Buffer.alloc(0) : bytes);
	const discard = () => fs.rm(tempPath, { force: true });
	const fieldName = `file:${requirementKey}`;
	if (bytes instanceof AppError) return { fieldName, error: bytes, discard, tempPath };
	return { fieldName, file: { tempPath, originalName: `${requirementKey}.pdf`, sizeBytes: bytes.length, sha256: 'ab'.repeat(32) }, discard, tempPath };
}

const tempFilesLeft = () => fs.readdir(path.join(directory, 'tmp'));

function post(user: SessionUser, input: Partial<StepFormInput> & { number: string }, services: { storage: FileStorage } = { storage }) {
	return postStepForm(handle.db, { storage: services.storage, scanner: null }, user, { stepKey: 'company', fields: {}, files: [], ipAddress: '203.0.113.7', ...input });
}

const documentsOf = async (number: string) => (await getApplicationForm(handle.db, company, number, 'en')).documents;
const answersOf = async (number: string) => (await getApplicationForm(handle.db, company, number, 'en')).answers.company;

/** A draft whose every step is complete but for the charter, which Send needs. */
async function readyDraft() {
	const draft = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
	const { submissionKey } = await getApplicationForm(handle.db, company, draft.number, 'en');
	await post(company, { number: draft.number, stepKey: 'consultant_question' });
	return { number: draft.number, submissionKey };
}

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: steps });
	directory = await fs.mkdtemp(path.join(os.tmpdir(), 'post-step-form-'));
	await fs.mkdir(path.join(directory, 'tmp'));
	storage = createLocalStorage(path.join(directory, 'files'));
	company = await makeUser('940140000385', 'legal_entity');
	stranger = await makeUser('900101300014', 'individual');
});
afterAll(async () => {
	await handle?.close();
	if (directory) await fs.rm(directory, { recursive: true, force: true });
});

describe('posting the step form', () => {
	it('saves what was typed and says whether the answers are complete; an unknown button is Save', async () => {
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		expect(await post(company, { number, fields: { name: 'Дала', bin: '123' } })).toEqual({ status: 'saved', isComplete: false });
		expect(await answersOf(number)).toMatchObject({ name: 'Дала', bin: '123' });
		expect(await post(company, { number, fields: { ...COMPLETE, intent: 'publish' } })).toEqual({ status: 'saved', isComplete: true });
		expect(await post(company, { number, fields: { ...COMPLETE, intent: 'remove:42' } })).toEqual({ status: 'saved', isComplete: true });
	});

	it('attaches the files it can and gives the reason for the others by requirement, the answers saved either way', async () => {
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		const files = [await receivedFile('charter', PDF), await receivedFile('charter', HTML), await receivedFile('licence', new AppError('file.too_large'))];
		expect(await post(company, { number, fields: { name: 'Дала', bin: '123' }, files })).toEqual({
			status: 'document_problems',
			documentErrors: { charter: 'file.type_not_allowed', licence: 'file.too_large' },
			errors: { bin: 'error_iin_invalid' }
		});
		expect((await documentsOf(number)).map((document) => document.requirementKey)).toEqual(['charter']);
		expect(await answersOf(number)).toMatchObject({ name: 'Дала', bin: '123' });
		expect(await tempFilesLeft()).toEqual([]);

		expect(await post(company, { number, fields: COMPLETE, files: [await receivedFile('licence', PDF)] })).toEqual({ status: 'saved', isComplete: true });
		expect(await documentsOf(number)).toHaveLength(2);
		expect(await tempFilesLeft()).toEqual([]);
	});

	it('adds a row at its table, or at the top of the step when the name is no table key', async () => {
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		expect(await post(company, { number, fields: { ...COMPLETE, 'staff.0.person': 'Асқар', intent: 'add_row:staff' } })).toEqual({ status: 'row_added', tableKey: 'staff' });
		expect(await answersOf(number)).toMatchObject({ staff: [{ person: 'Асқар' }] });
		expect(await post(company, { number, fields: { ...COMPLETE, intent: 'add_row:a b' } })).toEqual({ status: 'row_added', tableKey: null });
	});

	it('removes a document of this draft only, after attaching what came with the form', async () => {
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		await post(company, { number, files: [await receivedFile('charter', PDF)] });
		const [charter] = await documentsOf(number);
		const removing = { number, fields: { intent: `remove:${charter!.id}` }, files: [await receivedFile('licence', PDF)] };
		expect(await post(company, removing)).toEqual({ status: 'document_removed' });
		expect((await documentsOf(number)).map((document) => document.requirementKey)).toEqual(['licence']);
		expect(await tempFilesLeft()).toEqual([]);

		const other = { number, fields: { intent: 'remove:00000000-0000-4000-8000-000000000000' }, files: [await receivedFile('charter', PDF)] };
		await expect(post(company, other)).rejects.toMatchObject({ code: 'document.not_found', status: 404 });
		expect(await tempFilesLeft()).toEqual([]);
	});

	it('sends only when every step is complete and no file was refused', async () => {
		const { number, submissionKey } = await readyDraft();
		expect(await post(company, { number, fields: { ...COMPLETE, submissionKey, intent: 'send' } })).toEqual({ status: 'incomplete', stepKeys: ['company'] });
		const refused = { number, fields: { ...COMPLETE, submissionKey, intent: 'send' }, files: [await receivedFile('charter', PDF), await receivedFile('licence', HTML)] };
		expect(await post(company, refused)).toMatchObject({ status: 'document_problems', documentErrors: { licence: 'file.type_not_allowed' } });
		const [row] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(row!.status).toBe('draft');

		expect(await post(company, { number, fields: { ...COMPLETE, submissionKey, intent: 'send' } })).toEqual({ status: 'submitted' });
		const [sent] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(sent!.status).toBe('submitted');
		expect(await tempFilesLeft()).toEqual([]);
	});

	it('sent meanwhile: a Save changes nothing, a repeated Send is told it was sent, and no file is kept', async () => {
		const { number, submissionKey } = await readyDraft();
		await post(company, { number, fields: COMPLETE, files: [await receivedFile('charter', PDF)] });
		// As the page's Send posts it from the last step, which has nothing required.
		const sends = Array.from({ length: 5 }, () => post(company, { number, stepKey: 'consultant_question', fields: { submissionKey, intent: 'send' } }));
		const outcomes = await Promise.all(sends);
		// Each of them ends on the sent application, whichever submitted it.
		for (const outcome of outcomes) expect([{ status: 'submitted' }, { status: 'already_sent', wasSend: true }]).toContainEqual(outcome);
		const [row] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(await handle.db.select().from(applicationEvent).where(eq(applicationEvent.applicationId, row!.id))).toHaveLength(1);

		const save = { number, fields: { name: 'Changed', bin: '123', intent: 'save' }, files: [await receivedFile('licence', PDF)] };
		expect(await post(company, save)).toEqual({ status: 'already_sent', wasSend: false });
		const send = { number, fields: { submissionKey, intent: 'send' }, files: [await receivedFile('licence', PDF)] };
		expect(await post(company, send)).toEqual({ status: 'already_sent', wasSend: true });
		expect(await answersOf(number)).toMatchObject(COMPLETE);
		expect(await handle.db.select().from(applicationDocument).where(and(eq(applicationDocument.applicationId, row!.id), eq(applicationDocument.requirementKey, 'licence')))).toEqual([]);
		expect(await tempFilesLeft()).toEqual([]);

		// A Send from another form (a stale page) is refused as such, and its file is discarded too.
		const stale = { number, fields: { submissionKey: 'from-another-page', intent: 'send' }, files: [await receivedFile('licence', PDF)] };
		await expect(post(company, stale)).rejects.toMatchObject({ code: 'application.stale_form', status: 409 });
		expect(await tempFilesLeft()).toEqual([]);
	});

	it('refuses someone else’s draft before anything is saved, and discards the files', async () => {
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		await expect(post(stranger, { number, fields: { name: 'Taken over' }, files: [await receivedFile('charter', PDF)] })).rejects.toMatchObject({ code: 'application.not_found', status: 404 });
		expect((await answersOf(number))?.name).toBeUndefined();
		expect(await documentsOf(number)).toEqual([]);
		expect(await tempFilesLeft()).toEqual([]);
	});

	it('discards every file when storage fails unexpectedly midway', async () => {
		const { number } = await createDraft(handle.db, company, { serviceSlug: 'subsidy' });
		const broken: FileStorage = { ...storage, save: () => Promise.reject(new Error('disk full')) };
		const files = [await receivedFile('charter', PDF), await receivedFile('licence', PDF)];
		await expect(post(company, { number, fields: COMPLETE, files }, { storage: broken })).rejects.toThrow('disk full');
		expect(await tempFilesLeft()).toEqual([]);
		// The upload action's own path does the same.
		const uploads = [await receivedFile('charter', PDF), await receivedFile('licence', PDF)];
		await expect(attachStepFiles(handle.db, { storage: broken, scanner: null }, company, { number, files: uploads, fields: {} })).rejects.toThrow('disk full');
		expect(await tempFilesLeft()).toEqual([]);
	});
});
