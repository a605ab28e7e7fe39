import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryResult } from '../transport.ts';
import { createSmscTransport } from './smsc-transport.ts';

const LOGIN = 'atameken';
const PASSWORD = 'pa55-Wörd&x=1';

interface Seen {
	method: string | undefined;
	path: string;
	query: URLSearchParams;
	contentType: string | undefined;
	form: URLSearchParams;
	rawBody: string;
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

/** A stand-in for smsc.kz on a loopback port; `handler` decides the reply. */
async function startGateway(handler: Handler): Promise<{ baseUrl: string; seen: Seen[] }> {
	const seen: Seen[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			const rawBody = Buffer.concat(chunks).toString('utf8');
			seen.push({
				method: req.method,
				path: url.pathname,
				query: url.searchParams,
				contentType: req.headers['content-type'],
				form: new URLSearchParams(rawBody),
				rawBody
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

const sms = { channel: 'sms' as const, to: '+7 701 123 45 67', text: 'Растау коды: 123456. Ешкімге айтпаңыз!' };

function transportFor(baseUrl: string, extra: { sender?: string; timeoutMs?: number } = {}) {
	return createSmscTransport({ login: LOGIN, password: PASSWORD, baseUrl, ...extra });
}

function expectNoPassword(result: DeliveryResult) {
	const text = JSON.stringify(result);
	expect(text).not.toContain(PASSWORD);
	expect(text).not.toContain(encodeURIComponent(PASSWORD));
}

describe('smsc transport', () => {
	it('posts the form SMSC expects, keeping credentials out of the URL', async () => {
		const { baseUrl, seen } = await startGateway(json({ id: 5126, cnt: 1 }));
		const transport = transportFor(baseUrl, { sender: 'ATAMEKEN' });
		expect(transport.name).toBe('smsc');

		const result = await transport.send(sms);

		expect(result).toEqual({ status: 'sent', providerId: '5126' });
		expect(seen).toHaveLength(1);
		const req = seen[0]!;
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/sys/send.php');
		expect([...req.query.keys()]).toEqual([]);
		expect(req.contentType).toMatch(/^application\/x-www-form-urlencoded/);
		expect(Object.fromEntries(req.form)).toEqual({
			login: LOGIN,
			psw: PASSWORD,
			phones: '77011234567',
			mes: 'Растау коды: 123456. Ешкімге айтпаңыз!',
			charset: 'utf-8',
			fmt: '3',
			sender: 'ATAMEKEN'
		});
	});

	it('leaves out `sender` when none is configured', async () => {
		const { baseUrl, seen } = await startGateway(json({ id: 1, cnt: 1 }));
		expect((await transportFor(baseUrl).send(sms)).status).toBe('sent');
		expect(seen[0]!.form.has('sender')).toBe(false);
	});

	it.each([
		[4, 'IP blocked'],
		[9, 'duplicate request, wait a minute']
	])('retries on error_code %i', async (code, error) => {
		const { baseUrl } = await startGateway(json({ error, error_code: code }));
		const result = await transportFor(baseUrl).send(sms);
		expect(result).toEqual({ status: 'retry', error: `SMSC error ${code}: ${error}` });
	});

	it.each([
		[1, 'parameters error'],
		[2, 'authorise error'],
		[3, 'no money'],
		[5, 'invalid date format'],
		[6, 'message is denied'],
		[7, 'invalid phone'],
		[8, "message can't be delivered"]
	])('fails on error_code %i', async (code, error) => {
		const { baseUrl } = await startGateway(json({ error, error_code: code }));
		const result = await transportFor(baseUrl).send(sms);
		expect(result).toEqual({ status: 'failed', error: `SMSC error ${code}: ${error}` });
	});

	it('keeps the password out of an error the gateway echoes it in', async () => {
		const { baseUrl } = await startGateway(json({ error: `authorise error ${PASSWORD}`, error_code: 2 }));
		const result = await transportFor(baseUrl).send(sms);
		expect(result.status).toBe('failed');
		expectNoPassword(result);
	});

	it('retries on HTTP 500', async () => {
		const { baseUrl } = await startGateway((res) => {
			res.writeHead(500, { 'content-type': 'text/html' });
			res.end('<h1>500</h1>');
		});
		expect(await transportFor(baseUrl).send(sms)).toEqual({ status: 'retry', error: 'SMSC HTTP 500' });
	});

	it('retries on a reply that is not JSON', async () => {
		// SMSC's default (fmt=0) text reply, as if the fmt parameter had been lost.
		const { baseUrl } = await startGateway((res) => {
			res.writeHead(200, { 'content-type': 'text/plain' });
			res.end('OK - 1 SMS, ID - 5126');
		});
		expect((await transportFor(baseUrl).send(sms)).status).toBe('retry');
	});

	it('retries when the gateway hangs past timeoutMs', async () => {
		const { baseUrl, seen } = await startGateway(() => {
			// Never answers.
		});
		const started = Date.now();
		const result = await transportFor(baseUrl, { timeoutMs: 200 }).send(sms);
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(seen).toHaveLength(1);
		expect(result.status).toBe('retry');
		expect(result.status !== 'sent' && result.error).toMatch(/timed out/);
		expectNoPassword(result);
	});

	it('retries when nothing is listening, without the password in the error', async () => {
		const { baseUrl } = await startGateway(json({}));
		await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
		const result = await transportFor(baseUrl).send(sms);
		expect(result.status).toBe('retry');
		expect(result.status !== 'sent' && result.error).toContain('ECONNREFUSED');
		expectNoPassword(result);
	});

	it('refuses an email without calling the gateway', async () => {
		const { baseUrl, seen } = await startGateway(json({ id: 1, cnt: 1 }));
		const result = await transportFor(baseUrl).send({ channel: 'email', to: 'a@example.kz', subject: 's', text: 't' });
		expect(result.status).toBe('failed');
		expect(seen).toHaveLength(0);
	});
});
