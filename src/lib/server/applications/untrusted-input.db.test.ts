import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../applications/form-definition.ts';
import { userAccount } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/session.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { createLocalStorage } from '../files/local-storage.ts';
import { deflatedEntry, deflatedZerosEntry, officeZip } from '../files/zip-fixture.ts';
import { attachDocument } from './attach-document.ts';
import { createDraft } from './create-draft.ts';
import { getApplicationForm } from './get-application-form.ts';
import { saveStep } from './save-step.ts';
import { applicationDocument } from './schema.ts';
import { seedFormDefinitions } from './seed-form-definitions.ts';

/** What a hostile or careless applicant can send: office files that unpack to gigabytes, answers with NUL bytes. */

const text = (en: string) => ({ kk: en, ru: en, en });
const steps: StepDefinition[] = [
	{
		key: 'plan',
		title: text('Plan'),
		fields: [
			{ key: 'title', type: 'text', label: text('Title'), isRequired: true },
			{ key: 'summary', type: 'long_text', label: text('Summary'), isRequired: false },
			{ key: 'region', type: 'select', label: text('Region'), isRequired: false, options: [{ value: 'astana', label: text('Astana') }] },
			{ key: 'costs', type: 'table', label: text('Costs'), isRequired: false, columns: [{ key: 'item', type: 'text', label: text('Item'), isRequired: true }] }
		],
		documents: [{ key: 'plan_file', label: text('Business plan'), allowedTypes: ['docx', 'xlsx'], maxSizeBytes: 20 * 1024 * 1024, minFiles: 1, maxFiles: 3, isRequired: true }]
	},
	{ key: 'consultant_question', title: text('Question'), fields: [{ key: 'question', type: 'long_text', label: text('Question'), isRequired: false }], documents: [] }
];

let handle: DatabaseHandle;
let directory: string;
let applicant: SessionUser;

async function received(bytes: Buffer, originalName: string) {
	const tempPath = path.join(directory, `in-${Math.random().toString(36).slice(2)}`);
	await fs.writeFile(tempPath, bytes);
	return { tempPath, originalName, sizeBytes: bytes.length, sha256: 'cd'.repeat(32) };
}

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: steps });
	directory = await fs.mkdtemp(path.join(os.tmpdir(), 'untrusted-input-'));
	const [row] = await handle.db
		.insert(userAccount)
		.values({ kind: 'individual', login: '871008401427', firstName: 'Айгерім', lastName: 'Сәрсенова', phone: '+77011234567', passwordHash: 'x', isActive: true })
		.returning();
	applicant = { id: row!.id, role: 'applicant', kind: row!.kind, login: row!.login, firstName: row!.firstName, lastName: row!.lastName, organisationName: null, locale: row!.locale, providerId: null };
});
afterAll(async () => {
	await handle?.close();
	if (directory) await fs.rm(directory, { recursive: true, force: true });
});

describe('office files', () => {
	it('that unpack past the limit are refused and never stored; an ordinary one is kept', async () => {
		const storageDir = path.join(directory, 'files');
		const storage = createLocalStorage(storageDir);
		const { number } = await createDraft(handle.db, applicant, { serviceSlug: 'subsidy' });
		const bomb = await deflatedZerosEntry('word/document.xml', 300 * 1024 * 1024);
		const honestBomb = await received(officeZip('docx', [bomb]), 'Бизнес-жоспар.docx');
		const lyingBomb = await received(officeZip('xlsx', [{ ...bomb, name: 'xl/worksheets/sheet1.xml', declaredSize: 50_000 }]), 'Смета.xlsx');
		for (const file of [honestBomb, lyingBomb]) {
			await expect(attachDocument(handle.db, storage, null, applicant, { number, requirementKey: 'plan_file', file })).rejects.toMatchObject({ code: 'file.too_large_unpacked', status: 400 });
		}
		expect(await handle.db.select().from(applicationDocument)).toHaveLength(0);
		expect(await fs.readdir(storageDir).catch(() => [])).toHaveLength(0);

		const plan = await received(officeZip('docx', [deflatedEntry('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>')]), 'План.docx');
		await attachDocument(handle.db, storage, null, applicant, { number, requirementKey: 'plan_file', file: plan });
		expect(await handle.db.select({ documentType: applicationDocument.documentType }).from(applicationDocument)).toEqual([{ documentType: 'docx' }]);
	});
});

describe('step answers', () => {
	it('with NUL and other control characters are refused with a message, and what is stored has none', async () => {
		const { number } = await createDraft(handle.db, applicant, { serviceSlug: 'subsidy' });
		const result = await saveStep(handle.db, applicant, {
			number,
			stepKey: 'plan',
			answers: { title: 'Нан\u0000 зауыты', summary: 'Бірінші жол\nекінші\u0007 жол', region: 'astana\u0000', costs: [{ item: 'Пеш\u0000' }] }
		});
		expect(result.isComplete).toBe(false);
		expect(result.errors).toEqual({ title: 'error_invalid_characters', summary: 'error_invalid_characters', region: 'error_invalid_characters', 'costs.0.item': 'error_invalid_characters' });
		const stored = (await getApplicationForm(handle.db, applicant, number, 'en')).answers.plan;
		expect(JSON.stringify(stored)).not.toMatch(/\\u000|\\u0007/);
		expect(stored).toMatchObject({ title: 'Нан зауыты', summary: 'Бірінші жол\nекінші жол' });

		// Tabs and line breaks belong in long text.
		const fine = await saveStep(handle.db, applicant, { number, stepKey: 'plan', answers: { title: 'Нан зауыты', summary: 'Бірінші жол\r\n\tекінші жол' } });
		expect(fine.errors).toEqual({});
	});
});
