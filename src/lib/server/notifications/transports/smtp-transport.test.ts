import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpTransport } from './smtp-transport.ts';

interface Received {
	from: string | undefined;
	to: string[];
	raw: string;
}

const servers: SMTPServer[] = [];

async function startServer(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; received: Received[] }> {
	const received: Received[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const mailFrom = session.envelope.mailFrom;
				received.push({
					from: mailFrom ? mailFrom.address : undefined,
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		},
		...options
	});
	servers.push(server);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	return { port: (server.server.address() as AddressInfo).port, received };
}

function rejectingRcpt(responseCode: number, text: string): Partial<SMTPServerOptions> {
	return {
		onRcptTo(_address, _session, callback) {
			const err = Object.assign(new Error(text), { responseCode });
			callback(err);
		}
	};
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

// Just enough MIME decoding to read back what nodemailer wrote: RFC 2047 words and a single text part.
function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
			enc.toUpperCase() === 'B'
				? Buffer.from(data, 'base64').toString('utf8')
				: Buffer.from(
						data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
						'latin1'
					).toString('utf8')
		);
}

function parseMessage(raw: string): { headers: Map<string, string>; body: string } {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const headers = new Map<string, string>();
	for (const line of head.split('\r\n')) {
		const colon = line.indexOf(':');
		headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
	}
	let body = raw.slice(split + 4);
	const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
	if (cte === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
	else if (cte === 'quoted-printable') {
		body = Buffer.from(
			body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
			'latin1'
		).toString('utf8');
	}
	return { headers, body: body.replace(/\r\n/g, '\n').trimEnd() };
}

async function freePort(): Promise<number> {
	const probe: Server = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
	const { port } = probe.address() as AddressInfo;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

describe('smtp transport', () => {
	it('delivers a plain-text UTF-8 email', async () => {
		const { port, received } = await startServer();
		const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@eservices.example.kz' });
		expect(transport.name).toBe('smtp');

		const text = 'Растау коды: 123456\nҚұрметті азамат, кодты ешкімге айтпаңыз.';
		const result = await transport.send({
			channel: 'email',
			to: 'azamat@example.kz',
			subject: 'Растау коды',
			text
		});

		expect(result.status).toBe('sent');
		expect(result.status === 'sent' && result.providerId).toMatch(/^<.+@.+>$/);
		expect(received).toHaveLength(1);
		const mail = received[0]!;
		expect(mail.from).toBe('noreply@eservices.example.kz');
		expect(mail.to).toEqual(['azamat@example.kz']);
		const { headers, body } = parseMessage(mail.raw);
		expect(decodeWords(headers.get('subject') ?? '')).toBe('Растау коды');
		expect(headers.get('from')).toBe('noreply@eservices.example.kz');
		expect(headers.get('to')).toBe('azamat@example.kz');
		expect(headers.get('content-type')).toMatch(/^text\/plain;\s*charset=utf-8$/i);
		expect(body).toBe(text);
		expect(headers.get('message-id')).toBe(result.status === 'sent' ? result.providerId : undefined);
	});

	it('refuses an SMS without connecting', async () => {
		const { port, received } = await startServer();
		const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@example.kz' });
		const result = await transport.send({ channel: 'sms', to: '+77011234567', text: 'x' });
		expect(result.status).toBe('failed');
		expect(received).toHaveLength(0);
	});

	it('reports a 550 recipient rejection as failed', async () => {
		const { port, received } = await startServer(rejectingRcpt(550, 'No such user here'));
		const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@example.kz' });
		const result = await transport.send({ channel: 'email', to: 'nobody@example.kz', subject: 's', text: 't' });
		expect(result).toMatchObject({ status: 'failed' });
		expect(result.status !== 'sent' && result.error).toContain('550');
		expect(received).toHaveLength(0);
	});

	it('reports a 451 recipient deferral as retry', async () => {
		const { port } = await startServer(rejectingRcpt(451, 'Try again later'));
		const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@example.kz' });
		const result = await transport.send({ channel: 'email', to: 'busy@example.kz', subject: 's', text: 't' });
		expect(result).toMatchObject({ status: 'retry' });
		expect(result.status !== 'sent' && result.error).toContain('451');
	});

	it('reports a connection failure as retry', async () => {
		const port = await freePort();
		const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@example.kz' });
		const result = await transport.send({ channel: 'email', to: 'a@example.kz', subject: 's', text: 't' });
		expect(result.status).toBe('retry');
	});

	it('reports rejected credentials as failed, without the password', async () => {
		const password = 'S3cret-Pa55';
		let triedPassword: string | null | undefined;
		const { port } = await startServer({
			allowInsecureAuth: true,
			onAuth(auth, _session, callback) {
				triedPassword = auth.password;
				callback(new Error('Invalid username or password'));
			}
		});
		const transport = createSmtpTransport({
			url: `smtp://mailer:${password}@127.0.0.1:${port}`,
			from: 'noreply@example.kz'
		});
		const result = await transport.send({ channel: 'email', to: 'a@example.kz', subject: 's', text: 't' });
		expect(triedPassword).toBe(password);
		expect(result).toMatchObject({ status: 'failed' });
		expect(result.status !== 'sent' && result.error).toContain('535');
		expect(JSON.stringify(result)).not.toContain(password);
	});
});
