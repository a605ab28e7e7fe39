import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryResult } from '../transport.ts';
import { createMobizonTransport } from './mobizon-transport.ts';

const API_KEY = 'kz1f0c9b2e7d4a8c3b6e5d1f0a9c8b7e6d5a4c3b2';

interface Seen {
	method: string | undefined;
	path: string;
	query: URLSearchParams;
	contentType: string | undefined;
	form: URLSearchParams;
}

type Handler = (res: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
	await Promise.all(
		servers.splice(0).map(
			(s) =>
				new Promise<void>((resolve) => {
					s.closeAllConnections();
					s.close(() => resolve());
				})
		)
	);
});

/** A stand-in for api.mobizon.kz on a loopback port; `handler` decides the reply. */
async function startGateway(handler: Handler): Promise<{ baseUrl: string; seen: Seen[] }> {
	const seen: Seen[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			seen.push({
				method: req.method,
				path: url.pathname,
				query: url.searchParams,
				contentType: req.headers['content-type'],
				form: new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
			});
			handler(res);
		});
	});
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function json(body: unknown, status = 200): Handler {
	return (res) => {
		res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify(body));
	};
}

const sms = { channel: 'sms' as const, to: '+7 (701) 123-45-67', text: 'Растау коды: 123456' };

function expectNoKey(result: DeliveryResult) {
	expect(JSON.stringify(result)).not.toContain(API_KEY);
}

describe('mobizon transport', () => {
	it('posts the form Mobizon expects and returns the message id', async () => {
		const { baseUrl, seen } = await startGateway(
			json({ code: 0, data: { campaignId: '1759377', messageId: '12111324', status: 1 }, message: '' })
		);
		const transport = createMobizonTransport({ apiKey: API_KEY, baseUrl, from: 'ATAMEKEN' });
		expect(transport.name).toBe('mobizon');

		const result = await transport.send(sms);

		expect(result).toEqual({ status: 'sent', providerId: '12111324' });
		expect(seen).toHaveLength(1);
		const req = seen[0]!;
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/service/message/sendsmsmessage');
		expect(Object.fromEntries(req.query)).toEqual({ output: 'json', api: 'v1', apiKey: API_KEY });
		expect(req.contentType).toMatch(/^application\/x-www-form-urlencoded/);
		expect(Object.fromEntries(req.form)).toEqual({
			recipient: '77011234567',
			text: 'Растау коды: 123456',
			from: 'ATAMEKEN'
		});
	});

	it('leaves out `from` when no sender is configured', async () => {
		const { baseUrl, seen } = await startGateway(json({ code: 0, data: { messageId: 7 }, message: '' }));
		const result = await createMobizonTransport({ apiKey: API_KEY, baseUrl }).send(sms);
		expect(result).toEqual({ status: 'sent', providerId: '7' });
		expect(seen[0]!.form.has('from')).toBe(false);
	});

	it('treats code 100 (queued) as sent', async () => {
		const { baseUrl } = await startGateway(
			json({ code: 100, data: { campaignId: '1', messageId: '42', status: 1 }, message: 'Queued' })
		);
		expect(await createMobizonTransport({ apiKey: API_KEY, baseUrl }).send(sms)).toEqual({
			status: 'sent',
			providerId: '42'
		});
	});

	it('retries when rate limited (code 30)', async () => {
		const { baseUrl } = await startGateway(json({ code: 30, data: [], message: 'Too many requests' }));
		const result = await createMobizonTransport({ apiKey: API_KEY, baseUrl }).send(sms);
		expect(result.status).toBe('retry');
		expect(result.status !== 'sent' && result.error).toContain('Too many requests');
		expectNoKey(result);
	});

	it('fails on other codes, with the gateway message', async () => {
		const { baseUrl } = await startGateway(
			json({ code: 1, data: { recipient: 'Неверный номер получателя' }, message: 'Ошибка валидации' })
		);
		const result = await createMobizonTransport({ apiKey: API_KEY, baseUrl }).send(sms);
		expect(result.status).toBe('failed');
		expect(result.status !== 'sent' && result.error).toContain('Ошибка валидации');
		expect(result.status !== 'sent' && result.error).toContain('Неверный номер получателя');
	});

	it('keeps the API key out of an error the gateway echoes it in', async () => {
		const { baseUrl } = await startGateway(json({ code: 8, data: [], message: `Invalid API key ${API_KEY}` }));
		const result = await createMobizonTransport({ apiKey: API_KEY, baseUrl }).send(sms);
		expect(result.status).toBe('failed');
		expectNoKey(result);
	});

	it('retries on HTTP 500', async () => {
		const { baseUrl } = await startGateway((res) => {
			res.writeHead(500, { 'content-type': 'text/html' });
			res.end('<h1>Internal Server Error</h1>');
		});
		const result = await createMobizonTransport({ apiKey: API_KEY, baseUrl }).send(sms);
		expect(result).toEqual({ status: 'retry', error: 'Mobizon HTTP 500' });
	});

	it('retries on a reply that is not JSON', async () => {
		const { baseUrl } = await startGateway((res) => {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<html>maintenance</html>');
		});
		const result = await createMobizonTransport({ apiKey: API_KEY, baseUrl }).send(sms);
		expect(result.status).toBe('retry');
	});

	it('retries when the gateway hangs past timeoutMs', async () => {
		const { baseUrl, seen } = await startGateway(() => {
			// Never answers.
		});
		const started = Date.now();
		const result = await createMobizonTransport({ apiKey: API_KEY, baseUrl, timeoutMs: 200 }).send(sms);
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(seen).toHaveLength(1);
		expect(result.status).toBe('retry');
		expect(result.status !== 'sent' && result.error).toMatch(/timed out/);
		expectNoKey(result);
	});

	it('retries when nothing is listening, without the key in the error', async () => {
		const { baseUrl } = await startGateway(json({}));
		await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
		const result = await createMobizonTransport({ apiKey: API_KEY, baseUrl }).send(sms);
		expect(result.status).toBe('retry');
		expect(result.status !== 'sent' && result.error).toContain('ECONNREFUSED');
		expectNoKey(result);
	});

	it('refuses an email without calling the gateway', async () => {
		const { baseUrl, seen } = await startGateway(json({ code: 0, data: {}, message: '' }));
		const result = await createMobizonTransport({ apiKey: API_KEY, baseUrl }).send({
			channel: 'email',
			to: 'a@example.kz',
			subject: 's',
			text: 't'
		});
		expect(result.status).toBe('failed');
		expect(seen).toHaveLength(0);
	});

	it('uses an injected fetch', async () => {
		const calls: string[] = [];
		const fakeFetch: typeof fetch = async (input) => {
			calls.push(String(input));
			return new Response(JSON.stringify({ code: 0, data: { messageId: '9' }, message: '' }));
		};
		const result = await createMobizonTransport({ apiKey: API_KEY, fetch: fakeFetch }).send(sms);
		expect(result).toEqual({ status: 'sent', providerId: '9' });
		expect(calls[0]).toMatch(/^https:\/\/api\.mobizon\.kz\/service\/message\/sendsmsmessage\?/);
	});
});
