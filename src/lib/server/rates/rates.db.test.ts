import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentVersion } from '../catalog/content-version.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { loadDemoRates } from '../db/seed/load-demo-data.ts';
import { startTestRatesServer } from './feed/test-rates-server.ts';
import { refreshRates } from './rates-job.ts';
import { readHeaderRates, seedRatesIfNone } from './store-rates.ts';

let handle: DatabaseHandle;
let server: Awaited<ReturnType<typeof startTestRatesServer>>;

beforeAll(async () => {
	handle = await openTestDatabase();
	server = await startTestRatesServer();
});
afterAll(async () => {
	await server?.close();
	await handle?.close();
});

describe('the rates job', () => {
	it('shows the demo rates with their date until the first read, then the feed’s; keeps the last known rates through an empty day, a malformed document, a timeout and an error', async () => {
		expect(await readHeaderRates(handle.db)).toBeNull();
		expect(await seedRatesIfNone(handle.db, loadDemoRates())).toBe(true);
		const demo = await readHeaderRates(handle.db);
		expect(demo).toMatchObject({ date: '2025-12-01' });
		expect(demo!.rates.map((rate) => rate.currency)).toEqual(['USD', 'EUR', 'CNY', 'RUB']);

		const options = { url: server.url, timeoutMs: 300 };
		server.setRates(
			[
				{ currency: 'USD', value: 512.05, quant: 1, index: 'UP', change: 2.71 },
				{ currency: 'EUR', value: 589.4, quant: 1, index: 'DOWN', change: -1.47 },
				{ currency: 'CNY', value: 72.11, quant: 1, index: '', change: 0 },
				{ currency: 'RUB', value: 6.49, quant: 1, index: 'DOWN', change: -0.03 },
				{ currency: 'KRW', value: 35.02, quant: 100, index: 'UP', change: 0.1 }
			],
			'2026-12-02'
		);
		const before = await readContentVersion(handle.db);
		expect(await refreshRates(handle.db, options)).toEqual({ outcome: 'stored' });
		expect(await readContentVersion(handle.db)).toBeGreaterThan(before);
		const fresh = await readHeaderRates(handle.db);
		expect(fresh).toEqual({
			date: '2026-12-02',
			rates: [
				{ currency: 'USD', tengePerUnit: 512.05, direction: 'up' },
				{ currency: 'EUR', tengePerUnit: 589.4, direction: 'down' },
				{ currency: 'CNY', tengePerUnit: 72.11, direction: 'same' },
				{ currency: 'RUB', tengePerUnit: 6.49, direction: 'down' }
			]
		});
		// The same rates again change nothing, and no cached page is dropped for them.
		const settled = await readContentVersion(handle.db);
		expect(await refreshRates(handle.db, options)).toEqual({ outcome: 'unchanged' });
		expect(await readContentVersion(handle.db)).toBe(settled);

		for (const mode of ['empty', 'malformed', 'timeout', 'error500'] as const) {
			server.setMode(mode);
			const run = await refreshRates(handle.db, options);
			expect(run.outcome, mode).toBe(mode === 'empty' ? 'empty' : 'failed');
			expect(await readHeaderRates(handle.db), mode).toEqual(fresh);
		}
		// Demo rates are never put back over real ones.
		expect(await seedRatesIfNone(handle.db, loadDemoRates())).toBe(false);
	});
});
