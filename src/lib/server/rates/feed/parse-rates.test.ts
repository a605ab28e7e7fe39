import { describe, expect, it } from 'vitest';
import { parseRatesFeed, type FeedRate } from './parse-rates.ts';

const item = (fields: string) => `<item>${fields}<link/></item>`;
const rss = (...items: string[]) =>
	`<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Official exchange rates</title><link>https://nationalbank.kz</link>${items.join('\n')}</channel></rss>`;
const rssItem = (currency: string, value: string, quant = '1', index = '', change = '0.00', pubDate = '02.12.2025') =>
	item(`<title>${currency}</title><pubDate>${pubDate}</pubDate><description>${value}</description><quant>${quant}</quant><index>${index}</index><change>${change}</change>`);

function ratesOf(xml: string): FeedRate[] {
	const parsed = parseRatesFeed(xml);
	if (parsed.kind !== 'rates') throw new Error(`expected rates, got ${JSON.stringify(parsed)}`);
	return parsed.rates;
}

describe('parseRatesFeed', () => {
	it('reads the RSS feed, dividing by quant and mapping UP, DOWN and an empty index', () => {
		const xml = rss(
			rssItem('USD', '334.41', '1', 'UP', '+0.11'),
			rssItem('KRW', '35.02', '100', 'DOWN', '-0.10'),
			rssItem('JPY', '32.61', '10', '', '0.00'),
			rssItem('RUB', '6,42', '1', 'DOWN', '-0,02')
		);
		expect(ratesOf(xml)).toEqual([
			{ currency: 'USD', tengePerUnit: 334.41, direction: 'up', change: 0.11, date: '2025-12-02' },
			{ currency: 'KRW', tengePerUnit: 0.3502, direction: 'down', change: -0.001, date: '2025-12-02' },
			{ currency: 'JPY', tengePerUnit: 3.261, direction: 'same', change: 0, date: '2025-12-02' },
			{ currency: 'RUB', tengePerUnit: 6.42, direction: 'down', change: -0.02, date: '2025-12-02' }
		]);
	});

	it('reads the per-date shape, whose date is on the root and whose items add <fullname>', () => {
		const xml = `<?xml version="1.0" encoding="utf-8"?>
<rates><generator>NBK</generator><title>Official exchange rates</title><date>01.12.2025</date>
<item><fullname>ДОЛЛАР США</fullname><title>USD</title><description>505.12</description><quant>1</quant><index>UP</index><change>+1.23</change></item>
<item><fullname>ВОНА РЕСПУБЛИКИ КОРЕЯ</fullname><title>KRW</title><description>34.88</description><quant>100</quant><index></index><change></change></item>
</rates>`;
		expect(ratesOf(xml)).toEqual([
			{ currency: 'USD', tengePerUnit: 505.12, direction: 'up', change: 1.23, date: '2025-12-01' },
			{ currency: 'KRW', tengePerUnit: 0.3488, direction: 'same', change: null, date: '2025-12-01' }
		]);
	});

	it('rounds to 4 decimals, half away from zero', () => {
		const [a, b] = ratesOf(rss(rssItem('AMD', '1.30015', '1'), rssItem('IRR', '1.17', '1000')));
		expect(a!.tengePerUnit).toBe(1.3002);
		expect(b!.tengePerUnit).toBe(0.0012);
	});

	it('reads RFC 822 dates as the Almaty calendar date', () => {
		const [late, plain] = ratesOf(rss(rssItem('USD', '500', '1', '', '0', 'Mon, 01 Dec 2025 20:30:00 GMT'), rssItem('EUR', '580', '1', '', '0', 'Tue, 02 Dec 2025 00:00:00 +0500')));
		// 20:30 UTC is already the next day in Almaty (UTC+5).
		expect(late!.date).toBe('2025-12-02');
		expect(plain!.date).toBe('2025-12-02');
	});

	it('skips items with a non-numeric rate, a zero or negative quant, a bad currency or no date', () => {
		const xml = rss(
			rssItem('USD', 'n/a'),
			rssItem('EUR', '-5'),
			rssItem('CNY', '71.45', '0'),
			rssItem('RUB', '6.42', '-1'),
			rssItem('US1', '1'),
			rssItem('DOLLAR', '1'),
			rssItem('', '1'),
			rssItem('GBP', '640', '1', '', '0', '31.02.2025'),
			rssItem('KZT', '1', 'ten'),
			rssItem('CHF', '601.5')
		);
		expect(ratesOf(xml).map((rate) => rate.currency)).toEqual(['CHF']);
	});

	it('keeps the first of a currency repeated for the same date', () => {
		expect(ratesOf(rss(rssItem('USD', '500'), rssItem('USD', '501'))).map((rate) => rate.tengePerUnit)).toEqual([500]);
	});

	it('treats a well-formed document without usable items as empty', () => {
		for (const xml of ['<rates></rates>', '<?xml version="1.0" encoding="utf-8"?>\n<rates>\n</rates>\n', '<rates/>', '<rates><date>01.12.2025</date></rates>', rss(), rss(rssItem('USD', 'n/a'))]) {
			expect(parseRatesFeed(xml), xml).toEqual({ kind: 'empty' });
		}
	});

	it('calls anything else malformed, and never throws', () => {
		const documents = [
			'',
			'Service Unavailable',
			'{"rates": []}',
			'<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
			'<html><body><h1>Error</h1></body></html>',
			'<rss version="2.0"><channel><item><title>USD</title><description>334',
			rss(rssItem('USD', '334.41')).slice(0, -10),
			'<rss version="2.0"></rss>',
			'<rates><item></rates>'
		];
		for (const xml of documents) expect(parseRatesFeed(xml).kind, xml).toBe('malformed');
		expect(parseRatesFeed(undefined as unknown as string).kind).toBe('malformed');
	});

	it('refuses a DOCTYPE with an entity bomb without expanding it', () => {
		const levels = Array.from({ length: 10 }, (_, level) => `<!ENTITY e${level + 1} "${`&e${level};`.repeat(10)}">`).join('\n');
		const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY e0 "ha">\n${levels}\n]>\n${rss(rssItem('USD', '334.41').replace('<link/>', '<link>&e10;</link>'))}`;
		// Refused before parsing: the detail says so, and nothing was expanded into the result.
		const parsed = parseRatesFeed(bomb);
		expect(parsed).toEqual({ kind: 'malformed', detail: 'a DOCTYPE is not accepted' });
		expect(JSON.stringify(parsed).length).toBeLessThan(200);
	});

	it('expands only the XML built-in entities', () => {
		const xml = rss(rssItem('USD', '334.41', '1', 'UP')).replace('<title>Official exchange rates</title>', '<title>Rates &amp; &lt;more&gt;</title>');
		expect(ratesOf(xml)).toHaveLength(1);
		// An HTML entity is not expanded: it stays text, so this index is neither UP nor DOWN.
		expect(ratesOf(rss(rssItem('USD', '1.5', '1', '&nbsp;UP')))[0]!.direction).toBe('same');
	});
});
