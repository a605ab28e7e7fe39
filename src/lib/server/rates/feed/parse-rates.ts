import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface FeedRate {
	/** ISO 4217 code, three upper-case letters. */
	currency: string;
	/** Tenge for one unit of the currency (the feed quotes per `quant` units), rounded to 4 decimals. */
	tengePerUnit: number;
	direction: 'up' | 'down' | 'same';
	/** The change since the previous rate, per unit like `tengePerUnit`; null when the feed gives none. */
	change: number | null;
	/** The rate's own date (YYYY-MM-DD), a calendar date in Almaty. */
	date: string;
}

export type ParsedFeed = { kind: 'rates'; rates: FeedRate[] } | { kind: 'empty' } | { kind: 'malformed'; detail: string };

/** Far above the real feed (~10 KiB); a longer string is not worth the parser's time. */
const MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;

// Values stay strings (parseTagValue: false) so that '+0.11', '007' or a comma decimal are read by
// the rules below, not guessed at by the library. Only the XML built-in entities are ever expanded:
// HTML entities are off, and a DOCTYPE (the only way to declare others) is refused before parsing.
const parser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	htmlEntities: false,
	ignoreDeclaration: true,
	ignorePiTags: true,
	isArray: (name) => name === 'item'
});

/** Reads either shape of the National Bank's feed: RSS 2.0 (`rates_all.xml`) or a `<rates>` document (`get_rates.cfm`). Never throws. */
export function parseRatesFeed(xml: string): ParsedFeed {
	try {
		return parseDocument(xml);
	} catch (error) {
		return { kind: 'malformed', detail: `unreadable document: ${error instanceof Error ? error.message : String(error)}` };
	}
}

function parseDocument(input: string): ParsedFeed {
	if (typeof input !== 'string') return { kind: 'malformed', detail: 'not a string' };
	if (input.length > MAX_DOCUMENT_CHARS) return { kind: 'malformed', detail: `document over ${MAX_DOCUMENT_CHARS} characters` };
	const xml = input.replace(/^\uFEFF/, '');
	// The feed never has a DOCTYPE; refusing it outright rules out entity bombs and external entities.
	if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { kind: 'malformed', detail: 'a DOCTYPE is not accepted' };
	// The parser is lenient (it reads a truncated document as far as it goes), so the validator decides what is XML.
	const valid = XMLValidator.validate(xml);
	if (valid !== true) return { kind: 'malformed', detail: `not XML: ${valid.err.msg} (line ${valid.err.line})` };
	const root: unknown = parser.parse(xml);
	if (!isRecord(root)) return { kind: 'malformed', detail: 'no root element' };

	let items: unknown[];
	let fallbackDate: string | null;
	if ('rss' in root) {
		const channel = isRecord(root.rss) ? root.rss.channel : undefined;
		if (channel === undefined) return { kind: 'malformed', detail: 'an RSS document without a channel' };
		items = isRecord(channel) && Array.isArray(channel.item) ? channel.item : [];
		fallbackDate = isRecord(channel) ? (readDate(channel.pubDate) ?? readDate(channel.lastBuildDate)) : null;
	} else if ('rates' in root) {
		// An empty `<rates></rates>` (a day without rates) parses to an empty string.
		const rates = root.rates;
		items = isRecord(rates) && Array.isArray(rates.item) ? rates.item : [];
		fallbackDate = isRecord(rates) ? readDate(rates.date) : null;
	} else {
		return { kind: 'malformed', detail: `unexpected root element <${Object.keys(root)[0] ?? ''}>` };
	}

	const rates: FeedRate[] = [];
	const seen = new Set<string>();
	for (const item of items) {
		const rate = readItem(item, fallbackDate);
		// One row per currency and date: a repeated item would make a single upsert touch a row twice.
		if (!rate || seen.has(`${rate.currency} ${rate.date}`)) continue;
		seen.add(`${rate.currency} ${rate.date}`);
		rates.push(rate);
	}
	return rates.length > 0 ? { kind: 'rates', rates } : { kind: 'empty' };
}

function readItem(item: unknown, fallbackDate: string | null): FeedRate | null {
	if (!isRecord(item)) return null;
	const currency = text(item.title).toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) return null;
	const value = readDecimal(item.description);
	const quantText = text(item.quant);
	const quant = /^\d{1,7}$/.test(quantText) ? Number(quantText) : NaN;
	if (value === null || !(value > 0) || !(quant > 0)) return null;
	// The per-date feed carries the date once, on the root; the RSS feed on every item.
	const date = readDate(item.pubDate) ?? fallbackDate;
	if (!date) return null;
	const tengePerUnit = round4(value / quant);
	if (!(tengePerUnit > 0)) return null;
	const index = text(item.index).toUpperCase();
	const change = readDecimal(item.change, true);
	return {
		currency,
		tengePerUnit,
		direction: index === 'UP' ? 'up' : index === 'DOWN' ? 'down' : 'same',
		change: change === null ? null : round4(change / quant),
		date
	};
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** '334.41', '334,41', '+0.11', '-1.47'; spaces between digit groups are dropped. Anything else is null. */
function readDecimal(value: unknown, isSigned = false): number | null {
	const raw = text(value).replace(/(?<=\d)[\s\u00A0\u202F]+(?=\d)/g, '');
	const pattern = isSigned ? /^[+-]?\d+(?:[.,]\d+)?$/ : /^\d+(?:[.,]\d+)?$/;
	if (!pattern.test(raw)) return null;
	const number = Number(raw.replace(',', '.'));
	return Number.isFinite(number) ? number : null;
}

/** Rounds half away from zero at the 4th decimal, through the decimal string so that 0.35015 is not read as 0.350149…. */
function round4(value: number): number {
	const magnitude = Math.abs(value);
	const rounded = Number(`${Math.round(Number(`${magnitude.toPrecision(15)}e4`))}e-4`);
	if (!Number.isFinite(rounded)) return NaN;
	return value < 0 && rounded !== 0 ? -rounded : rounded;
}

const RFC_822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|[A-Za-z]{1,5})$/;
const almatyDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' });

/** DD.MM.YYYY (the real feed), YYYY-MM-DD, or an RFC 822 date-time read as Almaty's calendar date. */
function readDate(value: unknown): string | null {
	const raw = text(value);
	const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
	if (dotted) return calendarDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	if (RFC_822.test(raw)) {
		const time = Date.parse(raw);
		if (Number.isFinite(time)) {
			// formatToParts, not format: the order of a locale's parts is not something to rely on.
			const parts = Object.fromEntries(almatyDate.formatToParts(time).map((part) => [part.type, part.value]));
			return calendarDate(Number(parts.year), Number(parts.month), Number(parts.day));
		}
	}
	return null;
}

function calendarDate(year: number, month: number, day: number): string | null {
	const date = new Date(Date.UTC(year, month - 1, day));
	// Date.UTC rolls 31.02 over into March; a date that does not round-trip does not exist.
	if (year < 1990 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return date.toISOString().slice(0, 10);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
