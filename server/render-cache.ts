import { matchesIfNoneMatch, weakEtag } from '../src/lib/server/http-cache.ts';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * A cache of rendered public pages that answers anonymous GETs before SvelteKit is involved.
 * The app marks cacheable responses with `X-Render-Cache: public`; entries are dropped as soon as
 * the content version (bumped through PostgreSQL NOTIFY on every catalog change) moves on. Pages
 * are kept per host and full URL.
 */

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

interface Entry {
	version: number;
	status: number;
	headers: OutgoingHttpHeaders;
	body: Buffer;
	etag: string;
}

export interface RenderCacheOptions {
	maxEntries: number;
	maxBytes: number;
	/** The current content version; entries rendered under another one are never served. */
	currentVersion: () => number;
}

// Headers that belong to one response only and must not be replayed from the cache.
const PER_RESPONSE_HEADERS = new Set(['x-request-id', 'date', 'set-cookie', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?session=/;

export function isAnonymousCacheableRequest(req: IncomingMessage): boolean {
	if (req.method !== 'GET' && req.method !== 'HEAD') return false;
	if (req.headers.authorization) return false;
	const cookie = req.headers.cookie;
	return !(cookie && SESSION_COOKIE.test(cookie));
}

/**
 * The Host is part of the key: without a configured ORIGIN a page's links are built from it, so a
 * page rendered for one host must never be served to a request for another.
 */
export function cacheKey(req: IncomingMessage): string {
	return `${(req.headers.host ?? '').toLowerCase()} ${req.url ?? '/'}`;
}

export class RenderCache {
	private readonly entries = new Map<string, Entry>();
	private bytes = 0;
	hits = 0;
	misses = 0;

	private readonly options: RenderCacheOptions;

	constructor(options: RenderCacheOptions) {
		this.options = options;
	}

	get size(): number {
		return this.entries.size;
	}

	/** Wraps a Node request handler so cached pages are served from memory. */
	wrap(handler: NodeHandler): NodeHandler {
		return (req, res, next) => {
			if (this.options.maxEntries === 0 || !isAnonymousCacheableRequest(req)) return handler(req, res, next);
			const key = cacheKey(req);
			const version = this.options.currentVersion();
			const entry = this.lookup(key, version);
			if (entry) {
				this.hits++;
				this.send(req, res, entry);
				return;
			}
			this.misses++;
			this.capture(key, version, res);
			handler(req, res, next);
		};
	}

	private lookup(key: string, version: number): Entry | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.version !== version) {
			this.remove(key, entry);
			return undefined;
		}
		// Re-inserting keeps the Map in least-recently-used order.
		this.entries.delete(key);
		this.entries.set(key, entry);
		return entry;
	}

	private send(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
		const headers: OutgoingHttpHeaders = { ...entry.headers, 'x-cache': 'HIT' };
		if (matchesIfNoneMatch(req.headers['if-none-match'] ?? null, entry.etag)) {
			res.writeHead(304, headers);
			res.end();
			return;
		}
		headers['content-length'] = entry.body.length;
		res.writeHead(entry.status, headers);
		res.end(req.method === 'HEAD' ? undefined : entry.body);
	}

	/** Records the response the app writes, and keeps it when the app marked it public. */
	private capture(key: string, version: number, res: ServerResponse): void {
		const chunks: Buffer[] = [];
		let headers: OutgoingHttpHeaders | undefined;
		let isCacheable = false;
		const originalWriteHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
		const originalWrite = res.write.bind(res) as (...args: unknown[]) => boolean;
		const originalEnd = res.end.bind(res) as (...args: unknown[]) => ServerResponse;

		res.writeHead = ((status: number, ...rest: unknown[]) => {
			const given = rest.find((arg) => typeof arg === 'object' && arg !== null) as OutgoingHttpHeaders | undefined;
			headers = { ...res.getHeaders(), ...lowerCaseKeys(given) };
			isCacheable = status === 200 && headers['x-render-cache'] === 'public';
			if (isCacheable) res.setHeader('x-cache', 'MISS');
			return originalWriteHead(status, ...rest);
		}) as typeof res.writeHead;
		res.write = ((chunk: unknown, ...rest: unknown[]) => {
			if (isCacheable && chunk) chunks.push(toBuffer(chunk));
			return originalWrite(chunk, ...rest);
		}) as typeof res.write;
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (isCacheable && chunk && typeof chunk !== 'function') chunks.push(toBuffer(chunk));
			if (isCacheable && headers) this.store(key, version, headers, Buffer.concat(chunks));
			return originalEnd(chunk, ...rest);
		}) as typeof res.end;
	}

	private store(key: string, version: number, headers: OutgoingHttpHeaders, body: Buffer): void {
		if (body.length > this.options.maxBytes / 4) return;
		const kept: OutgoingHttpHeaders = {};
		for (const [name, value] of Object.entries(headers)) {
			if (value !== undefined && !PER_RESPONSE_HEADERS.has(name)) kept[name] = value;
		}
		const etag = typeof kept.etag === 'string' ? kept.etag : weakEtag(body);
		kept.etag = etag;
		const previous = this.entries.get(key);
		if (previous) this.remove(key, previous);
		this.entries.set(key, { version, status: 200, headers: kept, body, etag });
		this.bytes += body.length;
		this.evict();
	}

	private evict(): void {
		for (const [key, entry] of this.entries) {
			if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
			this.remove(key, entry);
		}
	}

	private remove(key: string, entry: Entry): void {
		this.entries.delete(key);
		this.bytes -= entry.body.length;
	}
}

function lowerCaseKeys(headers: OutgoingHttpHeaders | undefined): OutgoingHttpHeaders {
	const result: OutgoingHttpHeaders = {};
	for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
	return result;
}

function toBuffer(chunk: unknown): Buffer {
	if (Buffer.isBuffer(chunk)) return chunk;
	if (chunk instanceof Uint8Array) return Buffer.from(chunk);
	return Buffer.from(String(chunk));
}
