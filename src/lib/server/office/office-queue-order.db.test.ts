import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../applications/form-definition.ts';
import type { ApplicationStatus } from '../../applications/status.ts';
import type { WaitingTime } from '../../applications/waiting-time.ts';
import type { Actor } from '../access/actor.ts';
import { userAccount, type Role } from '../accounts/schema.ts';
import { createDraft } from '../applications/create-draft.ts';
import { application } from '../applications/schema.ts';
import { seedFormDefinitions } from '../applications/seed-form-definitions.ts';
import { provider, service } from '../catalog/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { listOfficeQueue } from './list-office-queue.ts';
import { QUEUE_PAGE_SIZE, readQueueFilter } from './queue-filter.ts';

const text = (en: string) => ({ kk: en, ru: en, en });
const steps: StepDefinition[] = [{ key: 'question', title: text('Question'), fields: [{ key: 'question', type: 'long_text', label: text('Question'), isRequired: false }], documents: [] }];
// 11:00 in Kazakhstan (UTC+5): the day there began at 19:00 UTC the evening before.
const NOW = new Date('2026-11-20T06:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let handle: DatabaseHandle;
let supervisor: Actor;
let person: Actor;
let company: Actor;
/** The applications sent either side of midnight in Kazakhstan two days ago. */
const edge = { before: '', after: '' };

async function account(role: Role, login: string, kind: Actor['kind'] = 'individual', providerSlug?: string): Promise<Actor> {
	const providerId = providerSlug ? (await handle.db.select({ id: provider.id }).from(provider).where(eq(provider.slug, providerSlug)))[0]!.id : null;
	const [row] = await handle.db
		.insert(userAccount)
		.values({ login, kind, role, firstName: login, lastName: 'Test', organisationName: kind === 'legal_entity' ? `LLP ${login}` : null, phone: '+77011234567', passwordHash: 'x', isActive: true, providerId })
		.returning();
	return { id: row!.id, role, kind, login, providerId };
}

/** A chamber application in the given state, sent `submittedAgo` ms before NOW. */
async function sent(owner: Actor, serviceSlug: string, state: { submittedAgo: number; status?: ApplicationStatus; pausedSeconds?: number; pausedAgo?: number }): Promise<string> {
	const draft = await createDraft(handle.db, { ...owner, firstName: 'A', lastName: 'B', organisationName: null, locale: 'en' }, { serviceSlug });
	await handle.db
		.update(application)
		.set({
			status: state.status ?? 'submitted',
			submittedAt: new Date(NOW.getTime() - state.submittedAgo),
			pausedSeconds: state.pausedSeconds ?? 0,
			clockPausedAt: state.pausedAgo === undefined ? null : new Date(NOW.getTime() - state.pausedAgo)
		})
		.where(eq(application.number, draft.number));
	return draft.number;
}

const list = (query: string, actor = supervisor) => listOfficeQueue(handle.db, actor, readQueueFilter(new URLSearchParams(query)), { locale: 'en', now: NOW });
/** Every page of the list, in order. */
async function everything(query: string) {
	const first = await list(query);
	const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => list(`${query}&page=${i + 2}`)));
	return [first, ...rest].flatMap((queue) => queue.rows);
}
/** Days left as the waiting-time column shows them (negative when overdue), null for finished ones. */
const daysLeft = (waiting: WaitingTime) => (waiting.kind === 'days_left' ? waiting.days : waiting.kind === 'overdue' ? -waiting.days : null);

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { 'ppp-consultation': steps, 'legal-advice': steps });
	// Two terms, so the order mixes days left of different services.
	await handle.db.update(service).set({ termDays: 3 }).where(eq(service.slug, 'legal-advice'));
	supervisor = await account('supervisor', '800101300017', 'individual', 'chamber');
	person = await account('applicant', '900101300014');
	company = await account('applicant', '123456789012', 'legal_entity');

	const states: [string, Parameters<typeof sent>[2]][] = [
		['ppp-consultation', { submittedAgo: 1 * DAY }],
		['legal-advice', { submittedAgo: 1 * DAY }],
		['ppp-consultation', { submittedAgo: 12 * DAY, status: 'in_progress' }],
		// Either side of midnight in Kazakhstan two days ago: 23:59:59 and 00:00:00.
		['ppp-consultation', { submittedAgo: 35 * HOUR + 1000 }],
		['ppp-consultation', { submittedAgo: 35 * HOUR }],
		['legal-advice', { submittedAgo: 35 * HOUR }],
		// The clock stopped five days ago, three days after sending.
		['ppp-consultation', { submittedAgo: 8 * DAY, status: 'returned', pausedAgo: 5 * DAY }],
		['legal-advice', { submittedAgo: 8 * DAY, status: 'awaiting_signature', pausedAgo: 7 * DAY + 2 * HOUR }],
		// Back from a pause of three days and an hour.
		['ppp-consultation', { submittedAgo: 11 * DAY, status: 'in_progress', pausedSeconds: 3 * 86_400 + 3_600 }],
		['legal-advice', { submittedAgo: 2 * HOUR }],
		['ppp-consultation', { submittedAgo: 40 * DAY, status: 'completed' }],
		['legal-advice', { submittedAgo: 30 * DAY, status: 'rejected' }]
	];
	for (const [i, [slug, state]] of states.entries()) {
		const number = await sent(i % 3 === 0 ? company : person, slug, state);
		if (i === 3) edge.before = number;
		if (i === 4) edge.after = number;
	}
	// Enough for a second page, all sent on the same day: the oldest come first.
	for (let i = 0; i < QUEUE_PAGE_SIZE; i++) await sent(person, 'ppp-consultation', { submittedAgo: 4 * DAY + i * 60_000 });
});
afterAll(async () => {
	await handle?.close();
});

describe('the office queue order', () => {
	it('sorts by the days left exactly as the waiting-time column counts them, clocks stopped or not, then the oldest', async () => {
		const rows = await everything('status=all');
		const shown = rows.map((row) => ({ left: daysLeft(row.waiting), at: row.submittedAt!.getTime() }));
		const sorted = [...shown].sort((a, b) => (a.left ?? Infinity) - (b.left ?? Infinity) || a.at - b.at);
		expect(shown).toEqual(sorted);
		// 12 days of a 10-day term; then 2 days left of a 3-day term twice (sent yesterday; the clock
		// stopped a day after sending 8 days ago), of a 10-day term once (11 days, 3 of them paused)…
		expect(shown.slice(0, 6).map((row) => row.left)).toEqual([-2, 2, 2, 2, 2, 3]);
		expect(shown.slice(-2).map((row) => row.left)).toEqual([null, null]);
		// Either side of midnight in Kazakhstan: a day apart, though a second apart.
		const leftOf = (number: string) => daysLeft(rows.find((row) => row.number === number)!.waiting);
		expect([leftOf(edge.before), leftOf(edge.after)]).toEqual([8, 9]);
	});

	it('finds the overdue ones as the column shows them', async () => {
		const all = await everything('status=all');
		const overdue = await list('status=all&overdue=1');
		expect(overdue.rows.map((row) => row.number)).toEqual(all.filter((row) => row.waiting.kind === 'overdue').map((row) => row.number));
		expect(overdue.total).toBeGreaterThan(0);
	});

	it('continues on the next page where the first stopped, and a page past the end shows the last', async () => {
		const first = await list('status=open');
		const second = await list('status=open&page=2');
		expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
		expect(second.page).toBe(2);
		expect(second.rows.length).toBe(first.total - QUEUE_PAGE_SIZE);
		const numbers = [...first.rows, ...second.rows].map((row) => row.number);
		expect(new Set(numbers).size).toBe(first.total);
		const lefts = [...first.rows, ...second.rows].map((row) => daysLeft(row.waiting)!);
		expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
		expect((await list('status=open&page=99')).rows.map((row) => row.number)).toEqual(second.rows.map((row) => row.number));
	});

	it("finds a company's applications by its BIN and a person's by their IIN, and nothing for an IIN nobody has", async () => {
		const byBin = await list(`status=all&q=${company.login}`);
		const theirs = await handle.db.select({ number: application.number }).from(application).where(inArray(application.applicantUserId, [company.id]));
		expect(byBin.rows.map((row) => row.number).sort()).toEqual(theirs.map((row) => row.number).sort());
		expect(byBin.rows.every((row) => row.applicant.identifier === company.login)).toBe(true);
		const byIin = await list(`status=all&q=${person.login}`);
		expect(byIin.total).toBe((await handle.db.select({ id: application.id }).from(application).where(eq(application.applicantUserId, person.id))).length);
		expect((await list('status=all&q=990101300011')).total).toBe(0);
	});

	it("follows a service's new term at once, clocks stopped or not", async () => {
		const leftOf = async () => new Map((await everything('status=open')).map((row) => [row.number, daysLeft(row.waiting)]));
		const ofLegalAdvice = (await handle.db.select({ number: application.number }).from(application).innerJoin(service, eq(service.id, application.serviceId)).where(eq(service.slug, 'legal-advice'))).map((row) => row.number);
		const before = await leftOf();
		await handle.db.update(service).set({ termDays: 13 }).where(eq(service.slug, 'legal-advice'));
		try {
			const rows = await everything('status=open');
			const after = new Map(rows.map((row) => [row.number, daysLeft(row.waiting)]));
			for (const [number, left] of before) expect(after.get(number)).toBe(ofLegalAdvice.includes(number) ? left! + 10 : left);
			const lefts = rows.map((row) => daysLeft(row.waiting)!);
			expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
		} finally {
			await handle.db.update(service).set({ termDays: 3 }).where(eq(service.slug, 'legal-advice'));
		}
		expect(await leftOf()).toEqual(before);
	});
});
