import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { createDraft } from '../applications/create-draft.ts';
import { application } from '../applications/schema.ts';
import { seedFormDefinitions } from '../applications/seed-form-definitions.ts';
import { readContentVersion } from '../catalog/content-version.ts';
import { service } from '../catalog/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { testPerson } from '../db/test-people.ts';
import { serviceRating } from '../survey/schema.ts';
import { computeStatistics, readStatistics, refreshStatistics } from './refresh-statistics.ts';

const NOW = new Date('2026-06-15T08:00:00Z');
let handle: DatabaseHandle;
let owner: Actor;

/** An application sent at `submittedAt`, left in `status`. */
async function sent(submittedAt: string, status: 'submitted' | 'completed' | 'rejected', isWithinTerm: boolean | null = null): Promise<number> {
	const draft = await createDraft(handle.db, { ...owner, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' }, { serviceSlug: 'subsidy' });
	const [row] = await handle.db
		.update(application)
		.set({ status, submittedAt: new Date(submittedAt), isCompletedWithinTerm: isWithinTerm })
		.where(eq(application.number, draft.number))
		.returning({ id: application.id, serviceId: application.serviceId });
	return row!.id;
}

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: [{ key: 'question', title: { kk: 'Q', ru: 'Q', en: 'Q' }, fields: [], documents: [] }] });
	owner = await testPerson(handle.db, 'applicant', '900101300014', null);
});
afterAll(async () => {
	await handle?.close();
});

describe("the home page's figures of the year", () => {
	it('count what was sent this year in Almaty, what of it was completed and within the term, by month; the rating from the fifth on; stored when they change', async () => {
		// Sent at 20:00 UTC on 31 December 2025: already 1 January 2026 in Almaty.
		await sent('2025-12-31T20:00:00Z', 'completed', true);
		await sent('2025-12-31T18:00:00Z', 'completed', true);
		await sent('2026-03-10T05:00:00Z', 'completed', false);
		const rated = await sent('2026-03-11T05:00:00Z', 'rejected');
		await sent('2026-06-01T05:00:00Z', 'submitted');
		await createDraft(handle.db, { ...owner, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' }, { serviceSlug: 'subsidy' });

		const figures = await computeStatistics(handle.db, NOW);
		expect(figures).toMatchObject({ year: 2026, received: 4, completed: 2, withinTermShare: 0.5, averageRating: null, ratings: 0 });
		expect(figures.months.slice(0, 6)).toEqual([
			{ month: 1, received: 1, completed: 1 },
			{ month: 2, received: 0, completed: 0 },
			{ month: 3, received: 2, completed: 1 },
			{ month: 4, received: 0, completed: 0 },
			{ month: 5, received: 0, completed: 0 },
			{ month: 6, received: 1, completed: 0 }
		]);

		const version = await readContentVersion(handle.db);
		expect(await refreshStatistics(handle.db, NOW)).toEqual({ isChanged: true });
		expect(await readContentVersion(handle.db)).toBeGreaterThan(version);
		expect(await readStatistics(handle.db)).toEqual(figures);
		const settled = await readContentVersion(handle.db);
		expect(await refreshStatistics(handle.db, NOW)).toEqual({ isChanged: false });
		expect(await readContentVersion(handle.db)).toBe(settled);

		// Four ratings show no average; the fifth does.
		const [subsidy] = await handle.db.select({ id: service.id }).from(service).where(eq(service.slug, 'subsidy'));
		const scores = [5, 4, 4, 3];
		for (const score of scores) {
			const id = score === 5 ? rated : await sent('2026-04-01T05:00:00Z', 'completed', true);
			await handle.db.insert(serviceRating).values({ applicationId: id, serviceId: subsidy!.id, score, answers: { overall: score }, createdAt: NOW });
		}
		expect((await computeStatistics(handle.db, NOW)).averageRating).toBeNull();
		const fifth = await sent('2026-04-02T05:00:00Z', 'completed', true);
		await handle.db.insert(serviceRating).values({ applicationId: fifth, serviceId: subsidy!.id, score: 5, answers: { overall: 5 }, createdAt: NOW });
		expect(await computeStatistics(handle.db, NOW)).toMatchObject({ averageRating: 4.2, ratings: 5 });
	});
});
