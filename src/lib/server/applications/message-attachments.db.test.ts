import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import type { Role } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/session.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { testPerson } from '../db/test-people.ts';
import { AppError } from '../errors.ts';
import { createLocalStorage } from '../files/local-storage.ts';
import type { FileStorage } from '../files/storage.ts';
import { createDraft } from './create-draft.ts';
import { openDocument } from './open-document.ts';
import { postMessage } from './post-message.ts';
import { readThread } from './read-thread.ts';
import { application } from './schema.ts';
import { seedFormDefinitions } from './seed-form-definitions.ts';

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
let handle: DatabaseHandle;
let directory: string;
let storage: FileStorage;
let owner: Actor, stranger: Actor, executor: Actor;
let number: string;

const person = (role: Role, login: string, providerSlug: string | null) => testPerson(handle.db, role, login, providerSlug);

let serial = 0;
function received(content: string, name = 'scan.pdf') {
	const tempPath = path.join(directory, `upload-${serial++}`);
	writeFileSync(tempPath, content);
	return { tempPath, originalName: name, sizeBytes: Buffer.byteLength(content), sha256: 'test' };
}
const asUser = (actor: Actor) => actor as unknown as SessionUser;
const stored = () => readdirSync(path.join(directory, 'store'), { recursive: true }).filter((name) => String(name).includes('-')).length;

beforeAll(async () => {
	handle = await openTestDatabase();
	directory = mkdtempSync(path.join(tmpdir(), 'attachments-'));
	storage = createLocalStorage(path.join(directory, 'store'));
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: [{ key: 'question', title: { kk: 'Q', ru: 'Q', en: 'Q' }, fields: [], documents: [] }] });
	owner = await person('applicant', '900101300014', null);
	stranger = await person('applicant', '850505300011', null);
	executor = await person('executor', '800101300026', 'agency');
	const draft = await createDraft(handle.db, { ...owner, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' }, { serviceSlug: 'subsidy' });
	await handle.db.update(application).set({ status: 'in_progress', submittedAt: new Date(), assignedExecutorId: executor.id }).where(eq(application.number, draft.number));
	number = draft.number;
});
afterAll(async () => {
	await handle?.close();
	rmSync(directory, { recursive: true, force: true });
});

const send = (actor: Actor, area: 'cabinet' | 'office', text: string, file: ReturnType<typeof received> | null, isNote = false) =>
	postMessage(handle.db, actor, { number, area, text, isNote, attachment: file && { file, storage, scanner: null } });

describe('files in the thread', () => {
	it('a file goes with a message, or alone, and both sides can download it', async () => {
		const withText = await send(owner, 'cabinet', 'Here is the scan', received(PDF, 'passport.pdf'));
		const alone = await send(executor, 'office', '  ', received(PDF, 'answer.pdf'));
		expect(withText.status).toBe('posted');
		expect(alone.status).toBe('posted');
		const { messages } = await readThread(handle.db, owner, number, 'en');
		const files = messages.filter((message) => message.attachment).map((message) => [message.text, message.attachment!.name]);
		expect(files).toEqual([
			['Here is the scan', 'passport.pdf'],
			['', 'answer.pdf']
		]);
		for (const message of messages.filter((entry) => entry.attachment)) {
			const asOwner = await openDocument(handle.db, storage, asUser(owner), { number, documentId: message.attachment!.id, source: 'message' });
			asOwner.stream.destroy();
			const asExecutor = await openDocument(handle.db, storage, asUser(executor), { number, documentId: message.attachment!.id, source: 'message', area: 'office' });
			asExecutor.stream.destroy();
			expect(asOwner.originalName).toBe(message.attachment!.name);
		}
	});

	it('a staff note’s file is the office’s only', async () => {
		expect((await send(executor, 'office', 'For colleagues', received(PDF, 'internal.pdf'), true)).status).toBe('posted');
		const office = await readThread(handle.db, executor, number, 'en', 'office');
		const note = office.messages.find((message) => message.attachment?.name === 'internal.pdf')!;
		expect((await readThread(handle.db, owner, number, 'en')).messages.some((message) => message.attachment?.name === 'internal.pdf')).toBe(false);
		const refused = await openDocument(handle.db, storage, asUser(owner), { number, documentId: note.attachment!.id, source: 'message' }).catch((error: unknown) => error);
		expect((refused as AppError).code).toBe('document.not_found');
		(await openDocument(handle.db, storage, asUser(executor), { number, documentId: note.attachment!.id, source: 'message', area: 'office' })).stream.destroy();
	});

	it('refuses a disguised file and an empty message with a message, keeping nothing', async () => {
		const before = stored();
		expect(await send(owner, 'cabinet', 'Look', received('<!doctype html><script>alert(1)</script>', 'statement.pdf'))).toEqual({ status: 'invalid', error: 'error_file_type_not_allowed' });
		expect(await send(owner, 'cabinet', '   ', null)).toMatchObject({ status: 'invalid' });
		expect(stored()).toBe(before);
	});

	it('someone outside the thread is refused before any file is checked or stored', async () => {
		const before = stored();
		const refused = await send(stranger, 'cabinet', 'Hello', received(PDF)).catch((error: unknown) => error);
		expect((refused as AppError).code).toBe('application.not_found');
		expect(stored()).toBe(before);
	});
});
