import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { session as sessionTable, userAccount } from './schema.ts';
import { createSession, hashSessionToken, resolveSession, SESSION_LIMITS } from './session.ts';

let handle: DatabaseHandle;
let userId: number;

beforeAll(async () => {
	handle = await openTestDatabase();
	const [row] = await handle.db
		.insert(userAccount)
		.values({ kind: 'legal_entity', login: '940140000385', firstName: 'Асель', lastName: 'Нұрланова', organisationName: 'ТОО «Дала»', locale: 'ru', phone: '+77011234567', passwordHash: 'x', isActive: true })
		.returning({ id: userAccount.id });
	userId = row!.id;
});
afterAll(async () => {
	await handle?.close();
});

const at = (t0: Date, seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function lastSeen(token: string): Promise<Date | undefined> {
	const [row] = await handle.db.select({ lastSeenAt: sessionTable.lastSeenAt }).from(sessionTable).where(eq(sessionTable.tokenHash, hashSessionToken(token)));
	return row?.lastSeenAt;
}

describe('resolving a session', () => {
	it('gives the user as the page needs them and the session\'s limits', async () => {
		const t0 = new Date('2026-03-01T09:00:00Z');
		const { token, expiresAt } = await createSession(handle.db, { userId, role: 'applicant', isRemembered: true, now: t0 });
		const resolved = await resolveSession(handle.db, token, at(t0, 5));
		expect(resolved).toEqual({
			user: { id: userId, role: 'applicant', kind: 'legal_entity', login: '940140000385', firstName: 'Асель', lastName: 'Нұрланова', organisationName: 'ТОО «Дала»', locale: 'ru', providerId: null, isProviderSigner: false },
			tokenHash: hashSessionToken(token),
			expiresAt,
			isRemembered: true,
			idleTimeoutSeconds: SESSION_LIMITS.remembered.idle
		});
	});

	it('writes the activity back at most once a minute, and never backwards', async () => {
		const t0 = new Date('2026-03-02T09:00:00Z');
		const { token } = await createSession(handle.db, { userId, role: 'applicant', isRemembered: false, now: t0 });
		for (let round = 0; round < 3; round++) {
			// Several runs of the same statement, so PostgreSQL's plan for all values is used as well.
			await resolveSession(handle.db, token, at(t0, 30));
			expect(await lastSeen(token)).toEqual(t0);
			await resolveSession(handle.db, token, at(t0, 60));
			expect(await lastSeen(token)).toEqual(t0);
			await resolveSession(handle.db, token, at(t0, -120));
			expect(await lastSeen(token)).toEqual(t0);
		}
		expect(await resolveSession(handle.db, token, at(t0, 61))).not.toBeNull();
		expect(await lastSeen(token)).toEqual(at(t0, 61));
		await resolveSession(handle.db, token, at(t0, 100));
		expect(await lastSeen(token)).toEqual(at(t0, 61));
	});

	it('ends a session idle too long by its previous activity, even on the view that would touch it', async () => {
		const t0 = new Date('2026-03-03T09:00:00Z');
		const { token } = await createSession(handle.db, { userId, role: 'applicant', isRemembered: false, now: t0 });
		expect(await resolveSession(handle.db, token, at(t0, SESSION_LIMITS.applicant.idle))).toBeNull();
		expect(await lastSeen(token)).toBeUndefined();
	});

	it('ends the sessions of an account that is no longer active', async () => {
		const t0 = new Date('2026-03-04T09:00:00Z');
		const { token } = await createSession(handle.db, { userId, role: 'applicant', isRemembered: false, now: t0 });
		await handle.db.update(userAccount).set({ isActive: false }).where(eq(userAccount.id, userId));
		try {
			expect(await resolveSession(handle.db, token, at(t0, 120))).toBeNull();
			expect(await lastSeen(token)).toBeUndefined();
		} finally {
			await handle.db.update(userAccount).set({ isActive: true }).where(eq(userAccount.id, userId));
		}
	});

	it('knows nothing of unknown or malformed tokens', async () => {
		expect(await resolveSession(handle.db, 'A'.repeat(22))).toBeNull();
		expect(await resolveSession(handle.db, "' or '1'='1")).toBeNull();
	});
});
