import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchRatesFeed, MAX_FEED_BYTES } from './fetch-rates.ts';
import { DEFAULT_TEST_DATE, DEFAULT_TEST_RATES, startTestRatesServer } from './test-rates-server.ts';

let server: Awaited<ReturnType<typeof startTestRatesServer>>;

beforeAll(async () => {
	server = await startTestRatesServer();
});
afterAll(async () => {
	await server?.close();
});
beforeEach(() => {
	server.setMode('normal');
});

/** A port that was free a moment ago: nothing listens on it. */
async function closedPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

/** A fetch whose 200 response streams `chunk` without end (unless told its length), noting whether the reader cancelled it. */
function endlessFetch(chunk: Uint8Array, headers: Record<string, string> = {}) {
	const state = { pulled: 0, cancelled: false };
	const fake: typeof fetch = async () =>
		new Response(
			new ReadableStream<Uint8Array>({
				pull(controller) {
					state.pulled += chunk.byteLength;
					controller.enqueue(chunk);
				},
				cancel() {
					state.cancelled = true;
				}
			}),
			{ status: 200, headers }
		);
	return { fake, state };
}

describe('fetchRatesFeed', () => {
	it('reads the RSS feed, sending Accept and the portal’s User-Agent', async () => {
		let sent: Headers | undefined;
		const spy: typeof fetch = (url, init) => {
			sent = new Headers(init?.headers);
			return fetch(url, init);
		};
		const before = server.requests;
		const fetched = await fetchRatesFeed({ url: server.url, timeoutMs: 2_000, fetch: spy });
		expect(server.requests).toBe(before + 1);
		expect(sent?.get('accept')).toBe('application/xml, text/xml');
		expect(sent?.get('user-agent')).toBe('AtamekenServices-rates/1');
		expect(fetched.kind).toBe('rates');
		if (fetched.kind !== 'rates') return;
		expect(fetched.rates.map((rate) => rate.currency)).toEqual(['USD', 'EUR', 'CNY', 'RUB', 'KRW', 'JPY']);
		expect(fetched.rates.find((rate) => rate.currency === 'KRW')).toEqual({ currency: 'KRW', tengePerUnit: 0.3488, direction: 'up', change: 0.0012, date: '2025-12-02' });
		expect(fetched.rates.find((rate) => rate.currency === 'CNY')).toMatchObject({ direction: 'same', change: 0 });
	});

	it('reads the per-date shape (Cyrillic full names, decoded as UTF-8) and the rates set for a day', async () => {
		server.setRates([{ currency: 'USD', value: 512.05, quant: 1, index: 'DOWN', change: -2.71 }], '2026-01-05');
		try {
			const perDate = server.url.replace('rates_all.xml', 'get_rates.cfm?fdate=05.01.2026');
			expect(await fetchRatesFeed({ url: perDate, timeoutMs: 2_000 })).toEqual({
				kind: 'rates',
				rates: [{ currency: 'USD', tengePerUnit: 512.05, direction: 'down', change: -2.71, date: '2026-01-05' }]
			});
		} finally {
			server.setRates([...DEFAULT_TEST_RATES], DEFAULT_TEST_DATE);
		}
	});

	it('passes on an empty day and a malformed document', async () => {
		server.setMode('empty');
		expect(await fetchRatesFeed({ url: server.url, timeoutMs: 2_000 })).toEqual({ kind: 'empty' });
		server.setMode('malformed');
		expect((await fetchRatesFeed({ url: server.url, timeoutMs: 2_000 })).kind).toBe('malformed');
	});

	it('gives up after the timeout', async () => {
		server.setMode('timeout');
		// The detail shows the timeout fired; a hang would end at the test's own limit instead.
		const fetched = await fetchRatesFeed({ url: server.url, timeoutMs: 300 });
		expect(fetched).toEqual({ kind: 'unavailable', detail: 'timed out after 300 ms' });
	});

	it('is unavailable on a 500 and on a closed port', async () => {
		server.setMode('error500');
		expect(await fetchRatesFeed({ url: server.url, timeoutMs: 2_000 })).toEqual({ kind: 'unavailable', detail: 'HTTP 500' });
		const fetched = await fetchRatesFeed({ url: `http://127.0.0.1:${await closedPort()}/rss/rates_all.xml`, timeoutMs: 2_000 });
		expect(fetched.kind).toBe('unavailable');
		expect(fetched.kind === 'unavailable' && fetched.detail).toMatch(/ECONNREFUSED/);
	});

	it('stops reading a body over 2 MiB and cancels it', async () => {
		const { fake, state } = endlessFetch(new Uint8Array(64 * 1024).fill(0x20));
		expect(await fetchRatesFeed({ url: 'http://feed.invalid/', timeoutMs: 2_000, fetch: fake })).toEqual({ kind: 'unavailable', detail: `body is over ${MAX_FEED_BYTES} bytes` });
		expect(state.cancelled).toBe(true);
		// It read just past the limit, not the rest (the stream may have been asked for one chunk ahead).
		expect(state.pulled).toBeLessThanOrEqual(MAX_FEED_BYTES + 3 * 64 * 1024);
	});

	it('refuses a declared Content-Length over 2 MiB without reading the body', async () => {
		const { fake, state } = endlessFetch(new Uint8Array(1024), { 'content-length': String(MAX_FEED_BYTES + 1) });
		expect((await fetchRatesFeed({ url: 'http://feed.invalid/', timeoutMs: 2_000, fetch: fake })).kind).toBe('unavailable');
		expect(state.cancelled).toBe(true);
	});

	it('never throws, even on a fetch that throws or a bad timeout', async () => {
		const throwing: typeof fetch = () => {
			throw new TypeError('boom');
		};
		expect(await fetchRatesFeed({ url: server.url, timeoutMs: 2_000, fetch: throwing })).toEqual({ kind: 'unavailable', detail: 'boom' });
		expect((await fetchRatesFeed({ url: server.url, timeoutMs: -1 })).kind).toBe('unavailable');
		expect((await fetchRatesFeed({ url: 'not a url', timeoutMs: 2_000 })).kind).toBe('unavailable');
	});
});
