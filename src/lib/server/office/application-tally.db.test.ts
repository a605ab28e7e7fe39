import { count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, isOpen, type ApplicationStatus } from '../../applications/status.ts';
import type { Actor } from '../access/actor.ts';
import type { Role } from '../accounts/schema.ts';
import { createDraft } from '../applications/create-draft.ts';
import { application } from '../applications/schema.ts';
import { seedFormDefinitions } from '../applications/seed-form-definitions.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { testPerson } from '../db/test-people.ts';
import { compactApplicationTally, countByStatus, countOfFilter, openWorkOf, readTally } from './application-tally.ts';
import { readQueueFilter } from './queue-filter.ts';
import { applicationTally } from './schema.ts';

let handle: DatabaseHandle;
let supervisor: Actor, executor: Actor, colleague: Actor, owner: Actor;

const person = (role: Role, login: string, providerSlug: string | null) => testPerson(handle.db, role, login, providerSlug);

/** What the tally must say: a count over the applications themselves. */
async function counted(where: ReturnType<typeof eq> | undefined) {
	const rows = await handle.db.select({ status: application.status, total: count() }).from(application).where(where).groupBy(application.status);
	const counts = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<ApplicationStatus, number>;
	for (const row of rows) if (row.status !== 'draft') counts[row.status] = row.total;
	return counts;
}

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: [{ key: 'question', title: { kk: 'Q', ru: 'Q', en: 'Q' }, fields: [], documents: [] }] });
	supervisor = await person('supervisor', '800101300016', 'agency');
	executor = await person('executor', '800101300026', 'agency');
	colleague = await person('executor', '800101300027', 'agency');
	owner = await person('applicant', '900101300014', null);
});
afterAll(async () => handle?.close());

describe('the office tally', () => {
	it('follows every insert, change and removal of applications, drafts left out, and folding keeps its sums', async () => {
		const numbers: string[] = [];
		for (let i = 0; i < 12; i++) numbers.push((await createDraft(handle.db, { ...owner, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' }, { serviceSlug: 'subsidy' })).number);
		const moves: [number, ApplicationStatus, number | null][] = [
			[0, 'submitted', null],
			[1, 'submitted', null],
			[2, 'in_progress', executor.id],
			[3, 'in_progress', colleague.id],
			[4, 'returned', executor.id],
			[5, 'completed', executor.id],
			[6, 'rejected', colleague.id],
			[7, 'awaiting_signature', executor.id],
			[2, 'returned', executor.id],
			[3, 'in_progress', executor.id],
			[0, 'in_progress', colleague.id],
			[2, 'in_progress', executor.id]
		];
		for (const [index, status, executorId] of moves) await handle.db.update(application).set({ status, assignedExecutorId: executorId }).where(eq(application.number, numbers[index]!));
		// A change that moves nothing (a notice keeps the status) writes nothing.
		const before = (await handle.db.select({ n: count() }).from(applicationTally))[0]!.n;
		await handle.db.update(application).set({ status: 'in_progress' }).where(eq(application.number, numbers[2]!));
		expect((await handle.db.select({ n: count() }).from(applicationTally))[0]!.n).toBe(before);
		await handle.db.delete(application).where(eq(application.number, numbers[6]!));

		const expectAgreement = async () => {
			const tally = await readTally(handle.db, supervisor);
			expect(countByStatus(tally)).toEqual(await counted(ne(application.status, 'draft')));
			expect(countByStatus(await readTally(handle.db, executor))).toEqual(await counted(eq(application.assignedExecutorId, executor.id)));
			const open = openWorkOf(tally);
			const openOf = async (id: number) => Object.entries(await counted(eq(application.assignedExecutorId, id))).reduce((sum, [status, n]) => sum + (isOpen(status as ApplicationStatus) ? n : 0), 0);
			expect(open.get(executor.id) ?? 0).toBe(await openOf(executor.id));
			expect(open.get(colleague.id) ?? 0).toBe(await openOf(colleague.id));
			expect(countOfFilter(tally, readQueueFilter(new URLSearchParams('status=in_progress')))).toBe((await counted(undefined)).in_progress);
			expect(countOfFilter(tally, readQueueFilter(new URLSearchParams('executor=none&status=all')))).toBe(1);
			expect(countOfFilter(tally, readQueueFilter(new URLSearchParams('q=Aru')))).toBeNull();
		};
		await expectAgreement();
		await compactApplicationTally(handle.db);
		const rows = await handle.db.select().from(applicationTally);
		// One row per place with something in it.
		expect(new Set(rows.map((row) => `${row.serviceId}/${row.status}/${row.executorId}`)).size).toBe(rows.length);
		expect(rows.every((row) => row.delta !== 0)).toBe(true);
		await expectAgreement();
		// Another provider's supervisor sees none of it.
		const other = await person('supervisor', '800101300036', 'chamber');
		expect(Object.values(countByStatus(await readTally(handle.db, other))).reduce((a, b) => a + b, 0)).toBe(0);
	});
});
