import { desc, inArray, sql } from 'drizzle-orm';
import { bumpContentVersion } from '../catalog/content-version.ts';
import type { Database, Executor } from '../db/client.ts';
import type { FeedRate } from './feed/parse-rates.ts';
import { exchangeRate } from './schema.ts';

/** The currencies the header shows, in its order. */
export const HEADER_CURRENCIES = ['USD', 'EUR', 'CNY', 'RUB'] as const;

export interface HeaderRates {
	/** The rates' own date (YYYY-MM-DD), not when they were fetched. */
	date: string;
	rates: { currency: string; tengePerUnit: number; direction: 'up' | 'down' | 'same' }[];
}

/**
 * Stores a day's rates. Pages show the rates in their header, so when anything new arrives the
 * content version moves on and cached pages are rendered again; the same rates fetched again
 * change nothing.
 */
export async function storeRates(db: Database, rates: readonly FeedRate[], now = new Date()): Promise<{ isChanged: boolean }> {
	const wanted = rates.filter((rate) => (HEADER_CURRENCIES as readonly string[]).includes(rate.currency));
	if (wanted.length === 0) return { isChanged: false };
	return db.transaction(async (tx) => {
		const written = await tx
			.insert(exchangeRate)
			.values(wanted.map((rate) => ({ currency: rate.currency, rateDate: rate.date, tengePerUnit: rate.tengePerUnit, direction: rate.direction, change: rate.change, fetchedAt: now })))
			.onConflictDoUpdate({
				target: [exchangeRate.currency, exchangeRate.rateDate],
				set: { tengePerUnit: sql`excluded.tenge_per_unit`, direction: sql`excluded.direction`, change: sql`excluded.change`, fetchedAt: sql`excluded.fetched_at` },
				// A row whose figures did not change is left as it is, and then not returned.
				setWhere: sql`(${exchangeRate.tengePerUnit}, ${exchangeRate.direction}, ${exchangeRate.change}) is distinct from (excluded.tenge_per_unit, excluded.direction, excluded.change)`
			})
			.returning({ currency: exchangeRate.currency });
		if (written.length > 0) await bumpContentVersion(tx);
		return { isChanged: written.length > 0 };
	});
}

/** Demo data: the given rates, only while no rates at all are stored (a real read replaces them). */
export async function seedRatesIfNone(db: Database, rates: readonly FeedRate[]): Promise<boolean> {
	const [any] = await db.select({ currency: exchangeRate.currency }).from(exchangeRate).limit(1);
	if (any) return false;
	await storeRates(db, rates);
	return true;
}

/** The latest date with rates, and the header currencies' rates of that date (null before the first). */
export async function readHeaderRates(db: Executor): Promise<HeaderRates | null> {
	const [latest] = await db.select({ date: exchangeRate.rateDate }).from(exchangeRate).orderBy(desc(exchangeRate.rateDate)).limit(1);
	if (!latest) return null;
	const rows = await db
		.select({ currency: exchangeRate.currency, tengePerUnit: exchangeRate.tengePerUnit, direction: exchangeRate.direction })
		.from(exchangeRate)
		.where(sql`${exchangeRate.rateDate} = ${latest.date} and ${inArray(exchangeRate.currency, [...HEADER_CURRENCIES])}`);
	const order = (currency: string) => (HEADER_CURRENCIES as readonly string[]).indexOf(currency);
	return { date: latest.date, rates: rows.sort((a, b) => order(a.currency) - order(b.currency)) };
}
