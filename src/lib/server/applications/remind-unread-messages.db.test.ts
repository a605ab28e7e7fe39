import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../applications/form-definition.ts';
import { m } from '../../paraglide/messages.js';
import type { Actor } from '../access/actor.ts';
import { userAccount } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/session.ts';
import { provider } from '../catalog/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { applicationThreadLink } from '../http/application-links.ts';
import { outboxMessage } from '../notifications/schema.ts';
import { assignExecutor } from '../office/assign-executor.ts';
import { createDraft } from './create-draft.ts';
import { postMessage } from './post-message.ts';
import { markThreadRead } from './read-thread.ts';
import { remindUnreadMessages } from './remind-unread-messages.ts';
import { application, applicationReadMark } from './schema.ts';
import { seedFormDefinitions } from './seed-form-definitions.ts';
import { startUnreadReminders } from './start-unread-reminders.ts';

const text = (en: string) => ({ kk: en, ru: en, en });
const steps: StepDefinition[] = [{ key: 'question', title: text('Question'), fields: [{ key: 'question', type: 'long_text', label: text('Question'), isRequired: false }], documents: [] }];
const ORIGIN = 'https://services.example.kz';
const MINUTE = 60_000;
const threadLink = applicationThreadLink(ORIGIN);

let handle: DatabaseHandle;
let supervisor: Actor;
let executor: Actor;
let people = 0;

async function staff(role: 'supervisor' | 'executor', login: string): Promise<Actor> {
	const [agency] = await handle.db.select({ id: provider.id }).from(provider).where(eq(provider.slug, 'agency'));
	const [row] = await handle.db
		.insert(userAccount)
		.values({ login, kind: 'individual', role, firstName: role, lastName: 'Staff', phone: '+77010000000', passwordHash: 'x', isActive: true, providerId: agency!.id })
		.returning();
	return { id: row!.id, role, kind: 'individual', login, providerId: agency!.id };
}

/** An applicant of their own, so each test's outbox rows are told apart by the recipient. */
async function applicant(options: { locale?: 'kk' | 'ru' | 'en'; channel?: 'sms' | 'email'; isActive?: boolean } = {}): Promise<SessionUser & { phone: string; email: string }> {
	people++;
	const phone = `+7702${String(people).padStart(7, '0')}`;
	const email = `applicant${people}@example.kz`;
	const login = `9001013${String(people).padStart(5, '0')}`;
	const [row] = await handle.db
		.insert(userAccount)
		.values({ login, kind: 'individual', firstName: 'Айгерім', lastName: 'Сәрсенова', phone, email, passwordHash: 'x', isActive: options.isActive ?? true, locale: options.locale ?? 'kk', notificationChannel: options.channel ?? 'sms' })
		.returning();
	return { id: row!.id, role: 'applicant', kind: 'individual', login, firstName: row!.firstName, lastName: row!.lastName, organisationName: null, locale: row!.locale, providerId: null, phone, email };
}

/** A sent application of the agency's service, its thread open. */
async function sent(owner: SessionUser, at: Date): Promise<string> {
	const draft = await createDraft(handle.db, owner, { serviceSlug: 'subsidy', now: at });
	await handle.db.update(application).set({ status: 'submitted', submittedAt: at }).where(eq(application.number, draft.number));
	return draft.number;
}

async function fromStaff(number: string, at: Date, body = 'Please attach the invoice.'): Promise<number> {
	const outcome = await postMessage(handle.db, supervisor, { number, area: 'office', text: body, now: at });
	if (outcome.status !== 'posted') throw new Error(`the message was refused: ${outcome.error}`);
	return outcome.id;
}
const remind = (now: Date, minutes = 15, batchSize?: number) => remindUnreadMessages(handle.db, { now, minutes, threadLink, batchSize });
const outboxOf = (recipient: string) => handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, recipient)).orderBy(asc(outboxMessage.id));
const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);

async function readMarkOf(owner: SessionUser, number: string) {
	const [row] = await handle.db
		.select({ lastRead: applicationReadMark.lastReadMessageId, remindedUpTo: applicationReadMark.remindedUpToMessageId, remindedAt: applicationReadMark.remindedAt, newest: application.lastMessageId })
		.from(applicationReadMark)
		.innerJoin(application, eq(application.id, applicationReadMark.applicationId))
		.where(and(eq(application.number, number), eq(applicationReadMark.userId, owner.id)));
	return row;
}

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: steps });
	supervisor = await staff('supervisor', '800101300016');
	executor = await staff('executor', '800101300026');
});
afterAll(async () => {
	await handle?.close();
});

describe('unread-message reminders', () => {
	it('wait for the quiet period, then send one reminder and record what it covered', async () => {
		const t0 = new Date('2026-03-02T05:00:00Z');
		const owner = await applicant();
		const number = await sent(owner, t0);
		const messageId = await fromStaff(number, t0);

		await remind(later(t0, 14));
		expect(await outboxOf(owner.phone)).toEqual([]);

		await remind(later(t0, 15));
		const [reminder, ...more] = await outboxOf(owner.phone);
		expect(more).toEqual([]);
		expect(reminder).toMatchObject({ channel: 'sms', subject: null, status: 'pending' });
		expect(reminder!.body).toBe(m.notify_unread_text({ number, link: `${ORIGIN}/applications/${number}#messages` }, { locale: 'kk' }));
		// The applicant never opened the thread: the read mark is made, with nothing read.
		expect(await readMarkOf(owner, number)).toEqual({ lastRead: 0, remindedUpTo: messageId, remindedAt: later(t0, 15), newest: messageId });

		await remind(later(t0, 60));
		expect(await outboxOf(owner.phone)).toHaveLength(1);
	});

	it('send no second reminder for more messages while the thread stays unread', async () => {
		const t0 = new Date('2026-03-02T06:00:00Z');
		const owner = await applicant();
		const number = await sent(owner, t0);
		await fromStaff(number, t0);
		await fromStaff(number, later(t0, 10), 'And the contract, please.');
		// The oldest unread message has waited long enough, though the newest has not.
		await remind(later(t0, 16));
		expect(await outboxOf(owner.phone)).toHaveLength(1);

		await fromStaff(number, later(t0, 20), 'We are still waiting for the invoice.');
		await remind(later(t0, 40));
		await remind(later(t0, 24 * 60));
		expect(await outboxOf(owner.phone)).toHaveLength(1);
	});

	it('remind again once the applicant has read and a new message waits the quiet period', async () => {
		const t0 = new Date('2026-03-02T07:00:00Z');
		const owner = await applicant();
		const number = await sent(owner, t0);
		await fromStaff(number, t0);
		await remind(later(t0, 15));
		await markThreadRead(handle.db, owner, number);
		await remind(later(t0, 30));
		expect(await outboxOf(owner.phone)).toHaveLength(1);

		await fromStaff(number, later(t0, 31), 'Thank you, one more question.');
		await remind(later(t0, 45));
		expect(await outboxOf(owner.phone)).toHaveLength(1);
		await remind(later(t0, 46));
		expect(await outboxOf(owner.phone)).toHaveLength(2);
	});

	it('remind of nothing the applicant read in time, wrote themselves, or cannot see', async () => {
		const t0 = new Date('2026-03-02T08:00:00Z');
		const owner = await applicant();
		const number = await sent(owner, t0);
		await fromStaff(number, t0);
		await markThreadRead(handle.db, owner, number);
		expect(await postMessage(handle.db, owner, { number, area: 'cabinet', text: 'Here it is.', now: later(t0, 1) })).toMatchObject({ status: 'posted' });
		expect(await postMessage(handle.db, supervisor, { number, area: 'office', text: 'Check the stamp', isNote: true, now: later(t0, 2) })).toMatchObject({ status: 'posted' });
		await remind(later(t0, 120));
		expect(await outboxOf(owner.phone)).toEqual([]);

		// A staff message answered by the applicant is read by answering.
		await fromStaff(number, later(t0, 130));
		expect(await postMessage(handle.db, owner, { number, area: 'cabinet', text: 'Attached.', now: later(t0, 135) })).toMatchObject({ status: 'posted' });
		await remind(later(t0, 200));
		expect(await outboxOf(owner.phone)).toEqual([]);
	});

	it('leave system messages to their own notifications', async () => {
		const t0 = new Date('2026-03-02T09:00:00Z');
		const owner = await applicant();
		const number = await sent(owner, t0);
		await assignExecutor(handle.db, supervisor, { numbers: [number], executorId: executor.id, now: t0 });
		const [notice, ...none] = await outboxOf(owner.phone);
		expect(none).toEqual([]);
		await remind(later(t0, 60));
		expect(await outboxOf(owner.phone)).toEqual([notice]);
	});

	it('speak the applicant’s language by the channel they chose', async () => {
		const t0 = new Date('2026-03-02T10:00:00Z');
		const byEmail = await applicant({ locale: 'ru', channel: 'email' });
		const inEnglish = await applicant({ locale: 'en' });
		const first = await sent(byEmail, t0);
		const second = await sent(inEnglish, t0);
		await fromStaff(first, t0);
		await fromStaff(second, t0);
		await remind(later(t0, 15));

		expect(await outboxOf(byEmail.phone)).toEqual([]);
		const [email] = await outboxOf(byEmail.email);
		expect(email).toMatchObject({ channel: 'email', subject: m.notify_unread_subject({ number: first }, { locale: 'ru' }) });
		expect(email!.body).toBe(m.notify_unread_text({ number: first, link: `${ORIGIN}/ru/applications/${first}#messages` }, { locale: 'ru' }));
		expect(email!.subject).toContain(first);

		const [sms] = await outboxOf(inEnglish.phone);
		expect(sms).toMatchObject({ channel: 'sms', subject: null, body: m.notify_unread_text({ number: second, link: `${ORIGIN}/en/applications/${second}#messages` }, { locale: 'en' }) });
	});

	it('do not remind an applicant whose account is closed', async () => {
		const t0 = new Date('2026-03-02T11:00:00Z');
		const owner = await applicant();
		const number = await sent(owner, t0);
		await fromStaff(number, t0);
		await handle.db.update(userAccount).set({ isActive: false }).where(eq(userAccount.id, owner.id));
		await remind(later(t0, 30));
		expect(await outboxOf(owner.phone)).toEqual([]);
	});

	it('leave messages from long before the reminders ran alone', async () => {
		const t0 = new Date('2026-03-02T12:00:00Z');
		const owner = await applicant();
		const number = await sent(owner, t0);
		await fromStaff(number, t0);
		await remind(later(t0, 8 * 24 * 60));
		expect(await outboxOf(owner.phone)).toEqual([]);
	});

	it('are off with 0 minutes', async () => {
		const t0 = new Date('2026-03-02T13:00:00Z');
		const owner = await applicant();
		const number = await sent(owner, t0);
		await fromStaff(number, t0);
		expect(await remind(later(t0, 60), 0)).toBe(0);
		const stop = startUnreadReminders(handle.db, { minutes: 0, threadLink, intervalMs: 10, clock: () => later(t0, 60) });
		await stop();
		expect(await outboxOf(owner.phone)).toEqual([]);
	});

	it('are sent once when instances run the round at the same moment', async () => {
		// Some weeks after the other tests, so their threads are out of the window and the counts are this test's.
		// A few rounds, since a race shows only when the runs interleave just so.
		for (let round = 0; round < 3; round++) {
			const t0 = new Date(Date.UTC(2026, 3, 10 + round * 8, 5));
			const owner = await applicant();
			const numbers: string[] = [];
			for (let i = 0; i < 24; i++) numbers.push(await sent(owner, t0));
			for (const [i, number] of numbers.entries()) await fromStaff(number, later(t0, i % 3));
			const counts = await Promise.all([2, 3, 5, 7].map((batchSize) => remind(later(t0, 20), 15, batchSize)));
			expect(counts.reduce((a, b) => a + b, 0)).toBe(numbers.length);
			const bodies = (await outboxOf(owner.phone)).map((row) => row.body);
			expect(bodies).toHaveLength(numbers.length);
			for (const number of numbers) expect(bodies.filter((body) => body.includes(`/applications/${number}#`))).toHaveLength(1);
		}
	});

	it('run every interval in the background until stopped', async () => {
		const t0 = new Date('2026-06-20T05:00:00Z');
		const owner = await applicant();
		const number = await sent(owner, t0);
		await fromStaff(number, t0);
		const stop = startUnreadReminders(handle.db, { minutes: 15, threadLink, intervalMs: 20, clock: () => later(t0, 15) });
		try {
			await expect.poll(async () => (await outboxOf(owner.phone)).length, { timeout: 10_000 }).toBe(1);
		} finally {
			await stop();
		}
		expect(await outboxOf(owner.phone)).toHaveLength(1);
	});
});
