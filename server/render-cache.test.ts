import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RenderCache } from './render-cache.ts';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves the cache in front of a fake app that counts renders and marks pages public or not. */
async function start(options: { version: () => number; isPublic?: (url: string) => boolean }) {
	let renders = 0;
	const app = (req: IncomingMessage, res: ServerResponse) => {
		renders++;
		res.setHeader('content-type', 'text/html');
		if (options.isPublic?.(req.url ?? '') ?? true) res.setHeader('x-render-cache', 'public');
		res.setHeader('x-request-id', String(renders));
		res.writeHead(200);
		res.write(`<p>${req.headers.host} ${req.url} v${options.version()}`);
		res.end(` render ${renders}</p>`);
	};
	const cache = new RenderCache({ maxEntries: 2, maxBytes: 1_000_000, currentVersion: options.version });
	const serve = cache.wrap(app);
	server = http.createServer((req, res) => serve(req, res));
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
	const port = (server!.address() as AddressInfo).port;
	return { get: (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers }), getAtHost: (host: string, path: string) => getAtHost(port, host, path), renders: () => renders, cache };
}

/** fetch() cannot send another Host: a plain request can. */
function getAtHost(port: number, host: string, path: string): Promise<{ body: string; cache: string | undefined }> {
	return new Promise((resolve, reject) => {
		http
			.get({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
				let body = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => (body += chunk));
				response.on('end', () => resolve({ body, cache: response.headers['x-cache'] as string | undefined }));
			})
			.on('error', reject);
	});
}

describe('RenderCache', () => {
	it('serves a public page from memory the second time, without replaying per-response headers', async () => {
		const app = await start({ version: () => 1 });
		const first = await app.get('/a');
		expect(first.headers.get('x-cache')).toBe('MISS');
		const second = await app.get('/a');
		expect(second.headers.get('x-cache')).toBe('HIT');
		expect(await second.text()).toBe(await first.text());
		expect(second.headers.get('x-request-id')).toBeNull();
		expect(second.headers.get('etag')).toBeTruthy();
		expect(app.renders()).toBe(1);
	});

	it('answers a matching If-None-Match with 304', async () => {
		const app = await start({ version: () => 1 });
		await app.get('/a');
		// The app's own ETag (set by the SvelteKit hook) is absent here; the cache makes one when storing.
		const etag = (await app.get('/a')).headers.get('etag')!;
		const conditional = await app.get('/a', { 'if-none-match': etag });
		expect(conditional.status).toBe(304);
	});

	it('drops pages rendered under an older content version', async () => {
		let version = 1;
		const app = await start({ version: () => version });
		await app.get('/a');
		version = 2;
		const fresh = await app.get('/a');
		expect(await fresh.text()).toContain('v2');
		expect(app.renders()).toBe(2);
	});

	it('never serves or stores pages for a visitor with a session', async () => {
		const app = await start({ version: () => 1 });
		await app.get('/a', { cookie: 'session=abc' });
		await app.get('/a', { cookie: 'theme=dark; __Host-session=abc' });
		expect(app.renders()).toBe(2);
		expect(app.cache.size).toBe(0);
	});

	it('does not keep pages the app did not mark public', async () => {
		const app = await start({ version: () => 1, isPublic: (url) => url !== '/private' });
		await app.get('/private');
		await app.get('/private');
		expect(app.renders()).toBe(2);
	});

	it('keys on the full URL and evicts the least recently used page', async () => {
		const app = await start({ version: () => 1 });
		await app.get('/search?q=a');
		await app.get('/search?q=b');
		expect(app.renders()).toBe(2);
		await app.get('/search?q=a');
		await app.get('/search?q=c');
		expect(app.cache.size).toBe(2);
		await app.get('/search?q=b');
		expect(app.renders()).toBe(4);
	});

	it('keeps pages per host: what was rendered for one Host is never served to another', async () => {
		const app = await start({ version: () => 1 });
		const first = await app.getAtHost('portal.example', '/a');
		const other = await app.getAtHost('evil.example', '/a');
		expect(other.cache).toBe('MISS');
		expect(other.body).toContain('evil.example /a');
		expect(app.renders()).toBe(2);
		const again = await app.getAtHost('PORTAL.example', '/a');
		expect(again.cache).toBe('HIT');
		expect(again.body).toBe(first.body);
	});
});
