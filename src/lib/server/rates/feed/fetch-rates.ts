import { parseRatesFeed, type ParsedFeed } from './parse-rates.ts';

export interface FetchRatesInput {
	url: string;
	timeoutMs: number;
	/** Injected in tests; the global fetch otherwise. */
	fetch?: typeof fetch;
}

export type FetchedRates = ParsedFeed | { kind: 'unavailable'; detail: string };

/** The real feed is about 10 KiB; anything this large is not the feed, and is not kept in memory. */
export const MAX_FEED_BYTES = 2 * 1024 * 1024;

const USER_AGENT = 'AtamekenServices-rates/1';

/**
 * One GET of the National Bank's feed. Anything that keeps us from a document (network, timeout,
 * a status other than 200, an oversized body) is `unavailable`; a document is then parsed. Never throws.
 */
export async function fetchRatesFeed(input: FetchRatesInput): Promise<FetchedRates> {
	const doFetch = input.fetch ?? fetch;
	let response: Response;
	try {
		// The one signal covers the headers and the body: a feed that trickles its body still ends on time.
		const signal = AbortSignal.timeout(input.timeoutMs);
		response = await doFetch(input.url, { method: 'GET', signal, redirect: 'follow', headers: { accept: 'application/xml, text/xml', 'user-agent': USER_AGENT } });
	} catch (error) {
		return { kind: 'unavailable', detail: failure(error, input.timeoutMs) };
	}
	if (response.status !== 200) {
		await discard(response);
		return { kind: 'unavailable', detail: `HTTP ${response.status}` };
	}
	const declared = Number(response.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > MAX_FEED_BYTES) {
		await discard(response);
		return { kind: 'unavailable', detail: `body of ${declared} bytes is over ${MAX_FEED_BYTES}` };
	}
	let body: Uint8Array | 'too large';
	try {
		body = await readCapped(response, MAX_FEED_BYTES);
	} catch (error) {
		return { kind: 'unavailable', detail: failure(error, input.timeoutMs) };
	}
	if (body === 'too large') return { kind: 'unavailable', detail: `body is over ${MAX_FEED_BYTES} bytes` };
	// The feed is UTF-8; a stray invalid byte becomes U+FFFD rather than failing the whole read.
	return parseRatesFeed(new TextDecoder('utf-8').decode(body));
}

/** Reads the body chunk by chunk and cancels it as soon as it passes `limit`, so a huge body is never buffered. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array | 'too large'> {
	if (!response.body) return new Uint8Array(0);
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				await reader.cancel().catch(() => {});
				return 'too large';
			}
			chunks.push(value);
		}
	} finally {
		reader.releaseLock();
	}
	const body = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		body.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return body;
}

/** Frees the connection of a response whose body is not wanted. */
async function discard(response: Response): Promise<void> {
	await response.body?.cancel().catch(() => {});
}

function failure(error: unknown, timeoutMs: number): string {
	if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${timeoutMs} ms`;
	if (error instanceof Error) {
		// undici puts the reason (ECONNREFUSED, ENOTFOUND…) on `cause`, behind a bare 'fetch failed'.
		const cause = error.cause instanceof Error ? `: ${(error.cause as Error & { code?: string }).code ?? error.cause.message}` : '';
		return `${error.message}${cause}`;
	}
	return String(error);
}
