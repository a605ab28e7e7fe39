import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, statusForUnexpectedError } from '../http/run-operation.ts';
import { openDatabase, type DatabaseHandle } from './client.ts';
import { queryRows } from './query-rows.ts';
import { postgresBinDir, startRestartablePostgres, type RestartablePostgres } from './restartable-postgres.ts';

const CHANNEL = 'restart_check';
const LIMIT_MS = 10_000;
const POOL_SIZE = 4;

/** Retries `check` until it holds, failing after `timeoutMs`; returns how long it took. */
async function within(timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
	const started = Date.now();
	for (;;) {
		const isMet = await check().catch(() => false);
		if (isMet) return Date.now() - started;
		if (Date.now() - started > timeoutMs) throw new Error(`not met within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

async function failureOf(work: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
	const started = Date.now();
	const error = await work().then(
		() => null,
		(caught: unknown) => caught
	);
	return { error, ms: Date.now() - started };
}

// The test restarts its own server: it runs with the PostgreSQL part of the suite, when the binaries exist.
describe.skipIf(!process.env.TEST_DATABASE_URL || !postgresBinDir())('a PostgreSQL restart', () => {
	let server: RestartablePostgres;
	let handle: DatabaseHandle;

	beforeAll(async () => {
		server = await startRestartablePostgres();
		handle = await openDatabase({ url: server.url, poolSize: POOL_SIZE });
	});

	afterAll(async () => {
		try {
			// A connection the pool never got back would hold close() for ever: the server goes regardless.
			await Promise.race([handle?.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
		} finally {
			await server?.destroy();
		}
	});

	/**
	 * Holds as many transactions open at once as the pool has connections: a connection lost during
	 * the outage and never given back would make the last one wait for ever (here: fail).
	 */
	const expectWholePool = async () => {
		let inside = 0;
		let letGo!: () => void;
		const allInside = new Promise<void>((resolve) => (letGo = resolve));
		const giveUp = setTimeout(letGo, LIMIT_MS);
		const opened = await Promise.allSettled(
			Array.from({ length: POOL_SIZE }, () =>
				handle.db.transaction(async (tx) => {
					await tx.execute(sql`select 1`);
					if (++inside === POOL_SIZE) letGo();
					await allInside;
				})
			)
		);
		clearTimeout(giveUp);
		expect(opened.map(({ status }) => status)).toEqual(Array(POOL_SIZE).fill('fulfilled'));
		expect(inside).toBe(POOL_SIZE);
	};

	const listeners = async () => (await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from pg_stat_activity where query ilike ${`listen%${CHANNEL}%`}`))[0]!.count;

	it.each(['fast', 'immediate'] as const)('is survived when the server stops (%s): queries fail as unavailable at once, then work and the listener is back', async (mode) => {
		const received: string[] = [];
		let resubscriptions = 0;
		const unlisten = await handle.listen(CHANNEL, (payload) => received.push(payload), { onResubscribe: () => void resubscriptions++ });
		try {
			await handle.db.execute(sql`select pg_notify(${CHANNEL}, 'before')`);
			await within(LIMIT_MS, async () => received.includes('before'));

			await server.stop(mode);
			// Whatever a request does while the database is gone fails quickly, recognised as unavailable (503).
			for (const work of [() => handle.db.execute(sql`select 1`), () => handle.db.transaction((tx) => tx.execute(sql`select 1`))]) {
				const { error, ms } = await failureOf(work);
				expect(error).not.toBeNull();
				expect(isDatabaseUnavailable(error)).toBe(true);
				expect(statusForUnexpectedError(error)).toBe(503);
				expect(ms).toBeLessThan(LIMIT_MS);
				console.log(`[restart ${mode}] a query during the outage failed after ${ms} ms`);
			}

			await server.start();
			const queriesBackMs = await within(LIMIT_MS, async () => (await queryRows(handle.db, sql`select 1 as one`)).length === 1);
			// Notifications reach the subscriber again: it listened again by itself and was told so.
			const notifyBackMs = await within(LIMIT_MS, async () => {
				await handle.db.execute(sql`select pg_notify(${CHANNEL}, 'after')`);
				await new Promise((resolve) => setTimeout(resolve, 50));
				return received.includes('after');
			});
			console.log(`[restart ${mode}] queries worked again after ${queriesBackMs} ms, notifications after ${queriesBackMs + notifyBackMs} ms`);
			expect(queriesBackMs + notifyBackMs).toBeLessThan(LIMIT_MS);
			expect(resubscriptions).toBe(1);
			expect(await listeners()).toBe(1);
			await expectWholePool();
		} finally {
			await unlisten();
		}
		// Unsubscribing ends the listening connection for good.
		await within(LIMIT_MS, async () => (await listeners()) === 0);
	});

	it('survives the server stopping in the middle of a transaction, between two statements', async () => {
		// The connection dies while the transaction holds it and no query is running on it: the
		// process must not crash on an unheard error event, and the pool must get its connection back.
		const { error } = await failureOf(() =>
			handle.db.transaction(async (tx) => {
				await tx.execute(sql`select 1`);
				await server.stop('fast');
				await tx.execute(sql`select 1`);
			})
		);
		expect(isDatabaseUnavailable(error)).toBe(true);
		await server.start();
		await within(LIMIT_MS, async () => (await queryRows(handle.db, sql`select 1 as one`)).length === 1);
		await expectWholePool();
	});

	it('does not let a database that stops answering hold queries past 10 s, and recovers when it answers again', async () => {
		// Connections in the pool first, so some queries wait on an open connection and others for a new one.
		await expectWholePool();
		server.freeze();
		try {
			const failures = await Promise.all([
				...Array.from({ length: 3 }, () => failureOf(() => handle.db.execute(sql`select 1`))),
				...Array.from({ length: 3 }, () => failureOf(() => handle.db.transaction((tx) => tx.execute(sql`select 1`))))
			]);
			for (const { error } of failures) {
				expect(error).not.toBeNull();
				expect(isDatabaseUnavailable(error)).toBe(true);
			}
			const slowest = Math.max(...failures.map(({ ms }) => ms));
			console.log(`[frozen] all queries failed within ${slowest} ms`);
			expect(slowest).toBeLessThan(LIMIT_MS);
		} finally {
			server.thaw();
		}
		const backMs = await within(LIMIT_MS, async () => (await queryRows(handle.db, sql`select 1 as one`)).length === 1);
		console.log(`[frozen] queries worked again ${backMs} ms after the server answered`);
		await expectWholePool();
	});

	it('stops trying to listen again once unsubscribed during an outage', async () => {
		let resubscriptions = 0;
		const unlisten = await handle.listen(CHANNEL, () => undefined, { onResubscribe: () => void resubscriptions++ });
		await server.stop('fast');
		await unlisten();
		await server.start();
		await within(LIMIT_MS, async () => (await queryRows(handle.db, sql`select 1 as one`)).length === 1);
		// A listener that kept retrying would be back within its longest back-off (5 s); none is.
		const deadline = Date.now() + 6_000;
		while (Date.now() < deadline) {
			expect(await listeners()).toBe(0);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(resubscriptions).toBe(0);
	});
});
