import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TestRatesMode = 'normal' | 'empty' | 'malformed' | 'timeout' | 'error500';

export interface TestRate {
	currency: string;
	/** Tenge per `quant` units, as the feed quotes it. */
	value: number;
	quant: number;
	index: 'UP' | 'DOWN' | '';
	change: number;
}

export interface TestRatesServer {
	/** The RSS feed (`…/rss/rates_all.xml`); `…/rss/get_rates.cfm?fdate=…` serves the per-date shape. */
	url: string;
	setMode(mode: TestRatesMode): void;
	/** The rates served from now on, for `date` (YYYY-MM-DD or DD.MM.YYYY). */
	setRates(rates: TestRate[], date: string): void;
	/** How many requests arrived so far. */
	readonly requests: number;
	close(): Promise<void>;
}

/** A day in the real feed's style: the header currencies, and KRW quoted per 100 so that readers must divide. */
export const DEFAULT_TEST_RATES: readonly TestRate[] = [
	{ currency: 'USD', value: 505.12, quant: 1, index: 'UP', change: 1.23 },
	{ currency: 'EUR', value: 586.3, quant: 1, index: 'DOWN', change: -0.84 },
	{ currency: 'CNY', value: 71.45, quant: 1, index: '', change: 0 },
	{ currency: 'RUB', value: 6.42, quant: 1, index: 'DOWN', change: -0.02 },
	{ currency: 'KRW', value: 34.88, quant: 100, index: 'UP', change: 0.12 },
	{ currency: 'JPY', value: 32.61, quant: 10, index: 'UP', change: 0.05 }
];
export const DEFAULT_TEST_DATE = '2025-12-02';

/**
 * A stand-in for nationalbank.kz on 127.0.0.1 (a free port), for tests and the demo: no test or
 * demo run depends on the real site being up, and failures can be produced on demand.
 */
export async function startTestRatesServer(): Promise<TestRatesServer> {
	let mode: TestRatesMode = 'normal';
	let rates: readonly TestRate[] = DEFAULT_TEST_RATES;
	let date = toDotted(DEFAULT_TEST_DATE);
	let requests = 0;

	const server = createServer((request, response) => {
		requests++;
		// Requests are small GETs; the body, if any, is not read.
		request.resume();
		if (mode === 'timeout') return; // never answers; close() drops the connection
		if (mode === 'error500') return send(response, 500, 'text/html; charset=utf-8', '<html><body><h1>500 Internal Server Error</h1></body></html>');
		if (mode === 'empty') return send(response, 200, 'application/xml; charset=utf-8', '<?xml version="1.0" encoding="utf-8"?>\n<rates></rates>\n');
		if (mode === 'malformed') return send(response, 200, 'application/xml; charset=utf-8', truncated(rssDocument(rates, date)));
		const isPerDate = (request.url ?? '').includes('get_rates.cfm');
		send(response, 200, 'application/xml; charset=utf-8', isPerDate ? perDateDocument(rates, date) : rssDocument(rates, date));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}/rss/rates_all.xml`,
		setMode(next) {
			mode = next;
		},
		setRates(next, nextDate) {
			rates = next.map((rate) => ({ ...rate }));
			date = toDotted(nextDate);
		},
		get requests() {
			return requests;
		},
		close() {
			return new Promise<void>((resolve) => {
				server.close(() => resolve());
				// Held requests ('timeout') and keep-alive sockets would otherwise keep close() waiting.
				server.closeAllConnections();
			});
		}
	};
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
	response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
	response.end(body);
}

/** Shaped like `rates_all.xml`: RSS 2.0, the date on every item as DD.MM.YYYY. */
function rssDocument(rates: readonly TestRate[], date: string): string {
	const items = rates.map((rate) => `<item>\n<title>${escape(rate.currency)}</title>\n<pubDate>${date}</pubDate>\n${figures(rate)}\n<link/>\n</item>`);
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<rss version="2.0">',
		'<channel>',
		'<generator>Official exchange rates of National Bank of Republic Kazakhstan</generator>',
		'<title>Official exchange rates of National Bank of Republic Kazakhstan</title>',
		'<link>https://nationalbank.kz</link>',
		'<description>Official exchange rates of National Bank of Republic Kazakhstan</description>',
		'<language>ru-ru</language>',
		'<copyright>nationalbank.kz</copyright>',
		...items,
		'</channel>',
		'</rss>',
		''
	].join('\n');
}

/** Shaped like `get_rates.cfm?fdate=…`: root `<rates>`, the date once, items with `<fullname>`. */
function perDateDocument(rates: readonly TestRate[], date: string): string {
	const items = rates.map((rate) => `<item>\n<fullname>${escape(FULL_NAMES[rate.currency] ?? rate.currency)}</fullname>\n<title>${escape(rate.currency)}</title>\n${figures(rate)}\n</item>`);
	const title = '<title>Official exchange rates of National Bank of Republic Kazakhstan</title>';
	return ['<?xml version="1.0" encoding="utf-8"?>', '<rates>', title, `<date>${date}</date>`, ...items, '</rates>', ''].join('\n');
}

/** Cyrillic as in the real per-date feed, which also checks that the body is read as UTF-8. */
const FULL_NAMES: Record<string, string> = { USD: 'ДОЛЛАР США', EUR: 'ЕВРО', CNY: 'КИТАЙСКИЙ ЮАНЬ', RUB: 'РОССИЙСКИЙ РУБЛЬ', KRW: 'ВОНА РЕСПУБЛИКИ КОРЕЯ', JPY: 'ЯПОНСКАЯ ИЕНА' };

/** The document cut off inside its first item's rate, as a dropped connection would leave it. */
function truncated(document: string): string {
	const cut = document.indexOf('<description>', document.indexOf('<item>'));
	return document.slice(0, cut < 0 ? Math.floor(document.length / 2) : cut + '<description>'.length + 2);
}

function figures(rate: TestRate): string {
	const change = rate.change > 0 ? `+${rate.change}` : String(rate.change);
	return `<description>${rate.value}</description>\n<quant>${rate.quant}</quant>\n<index>${escape(rate.index)}</index>\n<change>${change}</change>`;
}

/** YYYY-MM-DD → DD.MM.YYYY, the real feed's form; DD.MM.YYYY is kept as it is. */
function toDotted(date: string): string {
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : date;
}

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
