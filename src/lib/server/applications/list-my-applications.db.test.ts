import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../../applications/status.ts';
import { userAccount } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/session.ts';
import { service } from '../catalog/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { countUnreadMessages } from './count-unread-messages.ts';
import { APPLICATIONS_PAGE_SIZE, listMyApplications } from './list-my-applications.ts';
import { application, applicationMessage, applicationReadMark, formDefinition } from './schema.ts';
import { seedFormDefinitions } from './seed-form-definitions.ts';

/**
 * The list and the bell against a plain reading of the same rows: every page of several lists,
 * ties in the order, status filters, read and unread threads. Each call is repeated past the point
 * where PostgreSQL plans a named statement once for all values, so that plan is checked too.
 */

const text = (en: string) => ({ kk: en, ru: en, en });
const STATUSES: ApplicationStatus[] = ['draft', 'submitted', 'in_progress', 'completed', 'rejected', 'withdrawn'];

let handle: DatabaseHandle;
let heavy: SessionUser;
let light: SessionUser;
let company: SessionUser;
let colleague: SessionUser;
let nobody: SessionUser;

interface Made {
	id: number;
	number: string;
	applicantUserId: number;
	organisationBin: string | null;
	status: ApplicationStatus;
	createdAt: Date;
	serviceSlug: string;
	messages: { id: number; authorUserId: number | null }[];
	readUpTo: Map<number, number>;
}
const made: Made[] = [];

async function makeUser(kind: 'individual' | 'legal_entity', login: string): Promise<SessionUser> {
	const [row] = await handle.db.insert(userAccount).values({ kind, login, firstName: 'Асель', lastName: 'Нұрланова', phone: '+77011234567', passwordHash: 'x', isActive: true }).returning();
	return { id: row!.id, role: 'applicant', kind, login, firstName: row!.firstName, lastName: row!.lastName, organisationName: null, locale: 'kk', providerId: null };
}

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	const steps = [{ key: 'only', title: text('Only'), fields: [], documents: [] }];
	await seedFormDefinitions(handle.db, { subsidy: steps, 'ppp-consultation': steps });
	const forms = await handle.db.select({ id: formDefinition.id, serviceId: formDefinition.serviceId, slug: service.slug }).from(formDefinition).innerJoin(service, eq(service.id, formDefinition.serviceId));
	heavy = await makeUser('individual', '900101300014');
	light = await makeUser('individual', '871008401427');
	company = await makeUser('legal_entity', '940140000385');
	colleague = { ...(await makeUser('individual', '850505400123')), kind: 'legal_entity', login: company.login };
	nobody = await makeUser('individual', '920202300456');

	// [owner, BIN, how many]: the colleague also has applications of their own, outside the company's.
	const plan: [SessionUser, string | null, number][] = [
		[heavy, null, 3 * APPLICATIONS_PAGE_SIZE + 7],
		[light, null, 3],
		[company, company.login, 25],
		[colleague, company.login, 12],
		[colleague, null, 4]
	];
	const start = Date.parse('2025-01-01T00:00:00Z');
	let n = 0;
	for (const [owner, bin, count] of plan) {
		for (let i = 0; i < count; i++) {
			n++;
			// Seven at a time share their creation time, so ties straddle the pages: the id decides.
			const createdAt = new Date(start + Math.floor(n / 7) * 3_600_000);
			const status = STATUSES[n % STATUSES.length]!;
			const form = forms[n % forms.length]!;
			const [row] = await handle.db
				.insert(application)
				.values({ number: `${n}-01-01-25`, serviceId: form.serviceId, formDefinitionId: form.id, applicantUserId: owner.id, organisationBin: bin, status, createdAt, submittedAt: status === 'draft' ? null : createdAt })
				.returning({ id: application.id });
			const entry: Made = { id: row!.id, number: `${n}-01-01-25`, applicantUserId: owner.id, organisationBin: bin, status, createdAt, serviceSlug: form.slug, messages: [], readUpTo: new Map() };
			// Threads: none, one system message, or a system message and staff replies (some by the owner).
			for (let m = 0; m < n % 4; m++) {
				const authorUserId = m === 0 ? null : m === 2 && n % 3 === 0 ? owner.id : nobody.id;
				const [message] = await handle.db
					.insert(applicationMessage)
					.values({ applicationId: entry.id, kind: authorUserId === owner.id ? 'applicant' : m === 0 ? 'system' : 'staff', authorUserId, body: 'text' })
					.returning({ id: applicationMessage.id });
				entry.messages.push({ id: message!.id, authorUserId });
			}
			if (entry.messages.length > 0) {
				await handle.db.update(application).set({ lastMessageId: entry.messages.at(-1)!.id }).where(eq(application.id, entry.id));
				// Some threads read to the end, some halfway, by the owner or by the company's other representative.
				for (const reader of [owner, company, colleague]) {
					if ((n + reader.id) % 3 === 0) continue;
					const upTo = entry.messages[(n + reader.id) % 2 === 0 ? entry.messages.length - 1 : 0]!.id;
					await handle.db.insert(applicationReadMark).values({ applicationId: entry.id, userId: reader.id, lastReadMessageId: upTo }).onConflictDoNothing();
					entry.readUpTo.set(reader.id, upTo);
				}
			}
			made.push(entry);
		}
	}
	await handle.db.execute(sql`analyze`);
});
afterAll(async () => {
	await handle?.close();
});

const inScope = (user: SessionUser, row: Made) => (user.kind === 'legal_entity' ? row.organisationBin === user.login : row.applicantUserId === user.id);
const newestFirst = (a: Made, b: Made) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

describe('my applications', () => {
	it('pages through each list newest first with the total, of every status, as the rows say', async () => {
		for (const user of [heavy, light, company, colleague, nobody]) {
			for (const status of [null, 'withdrawn', 'completed', 'draft'] as const) {
				const expected = made.filter((row) => inScope(user, row) && (!status || row.status === status)).sort(newestFirst);
				const pageCount = Math.max(1, Math.ceil(expected.length / APPLICATIONS_PAGE_SIZE));
				// Twice over, past the five runs after which PostgreSQL may switch to one plan for all values.
				for (let round = 0; round < 2; round++) {
					for (let page = 1; page <= pageCount + 1; page++) {
						const list = await listMyApplications(handle.db, user, { status, page, locale: 'en' });
						const shownPage = Math.min(page, pageCount);
						const slice = expected.slice((shownPage - 1) * APPLICATIONS_PAGE_SIZE, shownPage * APPLICATIONS_PAGE_SIZE);
						expect(list).toMatchObject({ total: expected.length, page: shownPage, pageCount });
						expect(list.rows.map((row) => row.number)).toEqual(slice.map((row) => row.number));
						expect(list.rows.map((row) => row.service.slug)).toEqual(slice.map((row) => row.serviceSlug));
						expect(list.rows.map((row) => row.createdAt.getTime())).toEqual(slice.map((row) => row.createdAt.getTime()));
						expect(list.rows.map((row) => row.hasMessages)).toEqual(slice.map((row) => row.messages.length > 0));
						const unread = slice.map((row) => row.messages.length > 0 && row.messages.at(-1)!.id > (row.readUpTo.get(user.id) ?? 0));
						expect(list.rows.map((row) => row.hasUnread)).toEqual(unread);
					}
				}
			}
		}
	});

	it('shows service and provider names in the reader\'s language', async () => {
		const [first] = (await listMyApplications(handle.db, light, { page: 1, locale: 'ru' })).rows;
		const passport = testCatalog.services.find((s) => s.slug === first!.service.slug)!;
		expect(first!.service.title).toMatchObject({ text: passport.title.ru });
		expect(first!.service.termDays).toBe(passport.termDays);
		expect(first!.executor.text).toBeTruthy();
	});

	it('rings the bell for messages by others past the reader\'s mark, in the threads the reader reaches', async () => {
		for (let round = 0; round < 7; round++) {
			for (const user of [heavy, light, company, colleague, nobody]) {
				const expected = made
					.filter((row) => inScope(user, row))
					.reduce((sum, row) => sum + row.messages.filter((m) => m.id > (row.readUpTo.get(user.id) ?? 0) && m.authorUserId !== user.id).length, 0);
				expect(await countUnreadMessages(handle.db, user)).toBe(expected);
			}
		}
		expect(await countUnreadMessages(handle.db, { ...heavy, role: 'executor' })).toBe(0);
	});
});
