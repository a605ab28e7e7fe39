import { and, eq, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { rateCounter } from './schema.ts';

export interface RateLimitResult {
	isAllowed: boolean;
	count: number;
	retryAfterSeconds: number;
}

function windowOf(now: Date, windowSeconds: number) {
	const windowMs = windowSeconds * 1000;
	const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
	return { start, end: new Date(start.getTime() + windowMs) };
}

/**
 * Counts one event against `key` in a fixed window and says whether it is within `limit`. The
 * counter lives in the database, so the limit holds across instances and restarts.
 */
export async function consumeRateLimit(db: Executor, key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
	const { start, end } = windowOf(now, windowSeconds);
	const [row] = await db
		.insert(rateCounter)
		.values({ key, windowStart: start, count: 1, expiresAt: end })
		.onConflictDoUpdate({ target: [rateCounter.key, rateCounter.windowStart], set: { count: sql`${rateCounter.count} + 1` } })
		.returning({ count: rateCounter.count });
	const count = row?.count ?? 1;
	return { isAllowed: count <= limit, count, retryAfterSeconds: Math.ceil((end.getTime() - now.getTime()) / 1000) };
}

/** How many events `key` has in the current window, without counting a new one. */
export async function peekRateLimit(db: Executor, key: string, windowSeconds: number, now = new Date()): Promise<number> {
	const { start } = windowOf(now, windowSeconds);
	const [row] = await db
		.select({ count: rateCounter.count })
		.from(rateCounter)
		.where(and(eq(rateCounter.key, key), eq(rateCounter.windowStart, start)));
	return row?.count ?? 0;
}

export async function resetRateLimit(db: Executor, key: string): Promise<void> {
	await db.delete(rateCounter).where(eq(rateCounter.key, key));
}

/** Deletes the counters of `key` and of every key starting with `prefix` (which must not contain `%` or `_`). */
export async function resetRateLimits(db: Executor, key: string, prefix: string): Promise<void> {
	if (/[%_\\]/.test(prefix)) throw new Error('A rate-limit prefix may not contain LIKE wildcards');
	await db.delete(rateCounter).where(or(eq(rateCounter.key, key), like(rateCounter.key, `${prefix}%`)));
}
