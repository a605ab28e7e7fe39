import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardRequestBody, limitConnectionsPerAddress, type BodyLimits } from './http-limits.ts';

let server: http.Server | undefined;
const sockets: net.Socket[] = [];
afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.destroy();
	await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	server = undefined;
});

/** A server like the portal's: it reads the whole body (after `readDelayMs`), then answers with its length. */
async function start(limits: BodyLimits, options: { maxPerAddress?: number; readDelayMs?: number } = {}) {
	let lateAnswers = 0;
	server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
		guardRequestBody(req, res, limits);
		setTimeout(() => {
			let length = 0;
			req.on('data', (chunk: Buffer) => (length += chunk.length));
			req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`read ${length}`));
			// The app answers even after the connection was cut: that must go nowhere, quietly.
			req.on('close', () => {
				if (!req.complete) {
					lateAnswers++;
					res.writeHead(400).end('too late');
				}
			});
		}, options.readDelayMs ?? 0);
	});
	if (options.maxPerAddress) limitConnectionsPerAddress(server, options.maxPerAddress);
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return { port: (server.address() as AddressInfo).port, lateAnswers: () => lateAnswers };
}

/** A raw connection: what it received, and when it was closed (ms after opening). */
function connect(port: number) {
	const socket = net.connect(port, '127.0.0.1');
	sockets.push(socket);
	const openedAt = Date.now();
	let received = '';
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => (received += chunk));
	socket.on('error', () => {});
	const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - openedAt)));
	const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
	return { socket, closed, connected, received: () => received };
}

const headers = (length: number, path = '/form') => `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\n`;

describe('guardRequestBody', () => {
	it('closes a connection whose body dribbles in past the total limit', async () => {
		const app = await start({ totalMs: 600, idleMs: 400 });
		const client = connect(app.port);
		client.socket.write(headers(1000));
		// One byte every 100 ms never trips the idle rule, only the total one.
		const dribble = setInterval(() => client.socket.writable && client.socket.write('a'), 100);
		try {
			const closedAfter = await client.closed;
			expect(closedAfter).toBeGreaterThanOrEqual(550);
			expect(closedAfter).toBeLessThan(2_000);
			expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
		} finally {
			clearInterval(dribble);
		}
		await expect.poll(() => app.lateAnswers()).toBe(1);
	});

	it('closes a connection whose body stops arriving for the idle limit', async () => {
		const app = await start({ totalMs: 10_000, idleMs: 400 });
		const client = connect(app.port);
		client.socket.write(headers(100) + 'login=1');
		const closedAfter = await client.closed;
		expect(closedAfter).toBeGreaterThanOrEqual(350);
		expect(closedAfter).toBeLessThan(2_000);
		expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
	});

	it('lets an honest slow body finish, and does not count the time the app takes to read', async () => {
		const slow = await start({ totalMs: 3_000, idleMs: 400 });
		const client = connect(slow.port);
		client.socket.write(headers(100));
		for (let sent = 0; sent < 100; sent += 10) {
			client.socket.write('a'.repeat(10));
			await new Promise((resolve) => setTimeout(resolve, 60));
		}
		await expect.poll(() => client.received()).toContain('read 100');
		client.socket.destroy();
		await new Promise<void>((resolve) => server!.close(() => resolve()));

		// 2 MB sent at once to an app that starts reading only after a second: its buffer is full, not idle.
		const busy = await start({ totalMs: 10_000, idleMs: 300 }, { readDelayMs: 1_000 });
		const big = connect(busy.port);
		big.socket.write(headers(2 * 1024 * 1024) + 'a'.repeat(2 * 1024 * 1024));
		await expect.poll(() => big.received(), { timeout: 5_000 }).toContain(`read ${2 * 1024 * 1024}`);
	});

	it('leaves requests without a body alone', async () => {
		const app = await start({ totalMs: 200, idleMs: 100 }, { readDelayMs: 500 });
		const client = connect(app.port);
		client.socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
		await expect.poll(() => client.received(), { timeout: 3_000 }).toContain('read 0');
	});
});

describe('limitConnectionsPerAddress', () => {
	it('refuses the connection after the cap while the others are open, and accepts again once one closes', async () => {
		const app = await start({ totalMs: 10_000, idleMs: 10_000 }, { maxPerAddress: 3 });
		const open = [connect(app.port), connect(app.port), connect(app.port)];
		await Promise.all(open.map((client) => client.connected));
		// Let the server see all three before the next one arrives.
		await new Promise((resolve) => setTimeout(resolve, 100));
		const refused = connect(app.port);
		refused.socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
		await refused.closed;
		expect(refused.received()).not.toContain('read 0');

		open[0]!.socket.destroy();
		await open[0]!.closed;
		await new Promise((resolve) => setTimeout(resolve, 100));
		const accepted = connect(app.port);
		accepted.socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
		await expect.poll(() => accepted.received()).toContain('read 0');
		// The ones held open all along still work.
		open[1]!.socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
		await expect.poll(() => open[1]!.received()).toContain('read 0');
	});
});
