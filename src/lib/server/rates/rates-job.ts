import type { Database } from '../db/client.ts';
import { almatyYear } from '../../reference/mrp-mzp.ts';
import { loggableMessage } from '../log.ts';
import { fetchRatesFeed } from './feed/fetch-rates.ts';
import { storeRates } from './store-rates.ts';

export interface RatesJobOptions {
	url: string;
	timeoutMs: number;
	fetch?: typeof fetch;
}

export type RatesRun = { outcome: 'stored' | 'unchanged' | 'empty' } | { outcome: 'failed'; detail: string };

/**
 * One fetch of the National Bank's feed, stored when it brings rates. A failed or empty fetch
 * changes nothing: the header keeps the last known rates, with their date.
 */
export async function refreshRates(db: Database, options: RatesJobOptions, now = new Date()): Promise<RatesRun> {
	const fetched = await fetchRatesFeed({ url: options.url, timeoutMs: options.timeoutMs, fetch: options.fetch });
	if (fetched.kind === 'empty') return { outcome: 'empty' };
	if (fetched.kind !== 'rates') return { outcome: 'failed', detail: fetched.detail };
	const { isChanged } = await storeRates(db, fetched.rates, now);
	return { outcome: isChanged ? 'stored' : 'unchanged' };
}

/**
 * Runs the fetch now and then every `intervalMinutes`, in the background: pages never wait for the
 * feed. Each instance fetches; storing the same rates twice changes nothing.
 */
export function startRatesJob(db: Database, options: RatesJobOptions & { intervalMinutes: number }): () => void {
	let isRunning = false;
	const run = async () => {
		if (isRunning) return;
		isRunning = true;
		try {
			const result = await refreshRates(db, options);
			if (result.outcome === 'failed') console.warn(`[rates] the feed failed, the last known rates stay: ${result.detail}`);
		} catch (error) {
			console.warn(`[rates] storing the rates failed: ${loggableMessage(error)}`);
		} finally {
			isRunning = false;
		}
	};
	void run();
	const timer = setInterval(() => void run(), options.intervalMinutes * 60_000);
	timer.unref();
	return () => clearInterval(timer);
}

/**
 * The header's MRP and minimum wage change with the year at midnight in Almaty: pages cached on
 * 31 December are dropped then, by moving the content version on once the year has turned.
 */
export function watchNewYear(db: Database, bump: (db: Database) => Promise<unknown>): () => void {
	let year = almatyYear(new Date());
	const timer = setInterval(() => {
		const now = almatyYear(new Date());
		if (now === year) return;
		year = now;
		bump(db).catch((error: unknown) => console.warn(`[rates] could not refresh pages for the new year: ${loggableMessage(error)}`));
	}, 60_000);
	timer.unref();
	return () => clearInterval(timer);
}
