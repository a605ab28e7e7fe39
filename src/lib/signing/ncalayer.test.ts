// A stand-in NCALayer: a plain ws:// server on a random port speaking the documented protocol, and
// Node's own WebSocket as the browser's. Each case also checks that the socket ends up closed.
import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { createNcaLayerSigner, normaliseCms, readSignReply, signWithNcaLayer, type NcaLayerSignRequest } from './ncalayer.ts';

const CMS = 'MIIBAgYJKoZIhvcNAQcCoIH0MIHxAgEBMQ8wDQYJYIZIAWUDBAIBBQAwCwYJKoZIhvcNAQcB';
const IIN = '900101300123';
const BIN = '120340005678';

interface FakeOptions {
	greet?: boolean;
	/** What to send back; undefined sends nothing. */
	answer?: (request: NcaLayerSignRequest, socket: ServerSocket) => unknown;
}

const servers: WebSocketServer[] = [];
// Client sockets, to check the client closed its side too (not only that the server saw a close).
const clients: WebSocket[] = [];
class RecordingWebSocket extends WebSocket {
	constructor(url: string | URL, protocols?: string | string[]) {
		super(url, protocols);
		clients.push(this);
	}
}

async function fakeNcaLayer({ greet = true, answer }: FakeOptions = {}) {
	const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
	servers.push(server);
	await once(server, 'listening');
	const received: NcaLayerSignRequest[] = [];
	const closed: Promise<unknown>[] = [];
	server.on('connection', (socket) => {
		closed.push(once(socket, 'close'));
		if (greet) socket.send(JSON.stringify({ result: { version: '1.4' } }));
		socket.on('message', (raw) => {
			const request = JSON.parse(String(raw)) as NcaLayerSignRequest;
			received.push(request);
			const reply = answer?.(request, socket);
			if (reply !== undefined) socket.send(typeof reply === 'string' ? reply : JSON.stringify(reply));
		});
	});
	const { port } = server.address() as AddressInfo;
	return { url: `ws://127.0.0.1:${port}`, received, closed };
}

async function expectAllClosed(closed: Promise<unknown>[]) {
	expect(closed).toHaveLength(1);
	await Promise.all(closed);
	await vi.waitFor(() => expect(clients.every((socket) => socket.readyState === WebSocket.CLOSED)).toBe(true));
}

/** A port nothing listens on: bound by the system, then released. */
async function freePort(): Promise<number> {
	const probe = createServer().listen(0, '127.0.0.1');
	await once(probe, 'listening');
	const { port } = probe.address() as AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

const base = { locale: 'ru' as const, WebSocketImpl: RecordingWebSocket };

afterEach(async () => {
	for (const server of servers.splice(0)) {
		for (const socket of server.clients) socket.terminate();
		await new Promise((resolve) => server.close(resolve));
	}
	clients.length = 0;
});

describe('signWithNcaLayer', () => {
	it('sends one detached-CMS sign request for the document and returns the signature', async () => {
		const fake = await fakeNcaLayer({ answer: () => ({ status: true, body: { result: CMS } }) });
		const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
		const outcome = await signWithNcaLayer({ ...base, data, owner: { iin: IIN }, url: fake.url });

		expect(outcome).toEqual({ kind: 'signed', cms: CMS });
		expect(fake.received).toHaveLength(1);
		const { module, method, args } = fake.received[0]!;
		expect({ module, method, format: args.format, locale: args.locale }).toEqual({ module: 'kz.gov.pki.knca.basics', method: 'sign', format: 'cms', locale: 'ru' });
		expect(args.data).toBe(Buffer.from(data).toString('base64'));
		expect(args.signingParams).toEqual({ decode: true, encapsulate: false, digested: false });
		expect(args.signerParams).toEqual({ extKeyUsageOids: ['1.3.6.1.5.5.7.3.4'], iin: IIN, chain: [] });
		expect(args.allowedStorages).toContain('PKCS12');
		expect(args.allowedStorages).toContain('AKKaztokenStore');
		await expectAllClosed(fake.closed);
	});

	it('filters by BIN for a company, asks for a timestamp, and strips PEM armour from an array of one', async () => {
		const pem = `-----BEGIN CMS-----\r\n${CMS.slice(0, 40)}\r\n${CMS.slice(40)}\r\n-----END CMS-----\r\n`;
		const fake = await fakeNcaLayer({ answer: () => ({ status: true, body: { result: [pem] } }) });
		const outcome = await signWithNcaLayer({ ...base, data: new Uint8Array([1, 2, 3]), owner: { bin: BIN }, locale: 'kk', timestamp: true, url: fake.url });

		expect(outcome).toEqual({ kind: 'signed', cms: CMS });
		const { args } = fake.received[0]!;
		expect(args.signerParams).toEqual({ extKeyUsageOids: ['1.3.6.1.5.5.7.3.4'], bin: BIN, chain: [] });
		expect(args.signingParams.tsaProfile).toEqual({});
		expect(args.locale).toBe('kk');
		await expectAllClosed(fake.closed);
	});

	it("filters by both the organisation's BIN and the person's IIN when a given colleague signs for it", async () => {
		const fake = await fakeNcaLayer({ answer: () => ({ status: true, body: { result: CMS } }) });
		expect(await signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { bin: BIN, iin: IIN }, url: fake.url })).toEqual({ kind: 'signed', cms: CMS });
		expect(fake.received[0]!.args.signerParams).toEqual({ extKeyUsageOids: ['1.3.6.1.5.5.7.3.4'], bin: BIN, iin: IIN, chain: [] });
		await expectAllClosed(fake.closed);
	});

	it('reports the user closing the key dialog as cancelled', async () => {
		const fake = await fakeNcaLayer({ answer: () => ({ status: true, body: {} }) });
		expect(await signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: IIN }, url: fake.url })).toEqual({ kind: 'cancelled' });
		await expectAllClosed(fake.closed);
	});

	it("passes NCALayer's error code and message through", async () => {
		const fake = await fakeNcaLayer({ answer: () => ({ status: false, code: '500', message: 'Storage is empty' }) });
		const outcome = await signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: IIN }, url: fake.url });
		expect(outcome).toEqual({ kind: 'failed', code: '500', message: 'Storage is empty' });
		await expectAllClosed(fake.closed);
	});

	it('says not running when nothing listens on the port', async () => {
		const url = `ws://127.0.0.1:${await freePort()}`;
		expect(await signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: IIN }, url })).toEqual({ kind: 'not_running' });
		expect(clients).toHaveLength(1);
		await vi.waitFor(() => expect(clients[0]!.readyState).toBe(WebSocket.CLOSED));
	});

	it('times out when the server accepts but never greets', async () => {
		const fake = await fakeNcaLayer({ greet: false });
		const outcome = await signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: IIN }, url: fake.url, connectTimeoutMs: 150 });
		expect(outcome).toEqual({ kind: 'timeout' });
		expect(fake.received).toHaveLength(0);
		await expectAllClosed(fake.closed);
	});

	it('times out, and abandons the handshake, when the port accepts but never upgrades', async () => {
		const connections: Socket[] = [];
		const silent = createServer((connection) => void connections.push(connection)).listen(0, '127.0.0.1');
		await once(silent, 'listening');
		const url = `ws://127.0.0.1:${(silent.address() as AddressInfo).port}`;
		try {
			expect(await signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: IIN }, url, connectTimeoutMs: 150 })).toEqual({ kind: 'timeout' });
			// close() was called on the still-connecting socket. Node's WebSocket leaves an aborted
			// handshake at CLOSING for good (browsers reach CLOSED), and which of its TCP connections it
			// tears down varies, so the state is all there is to check.
			expect(clients[0]!.readyState).toBe(WebSocket.CLOSING);
		} finally {
			for (const connection of connections) connection.destroy();
			await new Promise((resolve) => silent.close(resolve));
		}
	});

	it('times out when the sign request gets no answer', async () => {
		const fake = await fakeNcaLayer();
		const outcome = await signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: IIN }, url: fake.url, timeoutMs: 150 });
		expect(outcome).toEqual({ kind: 'timeout' });
		expect(fake.received).toHaveLength(1);
		await expectAllClosed(fake.closed);
	});

	it('stops waiting when the page aborts', async () => {
		const fake = await fakeNcaLayer();
		const controller = new AbortController();
		const pending = signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: IIN }, url: fake.url, signal: controller.signal });
		await vi.waitFor(() => expect(fake.received).toHaveLength(1));
		controller.abort();
		expect(await pending).toEqual({ kind: 'cancelled' });
		await expectAllClosed(fake.closed);
	});

	it('fails with a client code on a reply that is not JSON, or on a dropped connection', async () => {
		const garbled = await fakeNcaLayer({ answer: () => 'not json' });
		const outcome = await signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: IIN }, url: garbled.url });
		expect(outcome).toMatchObject({ kind: 'failed', code: 'client.invalid_reply' });
		await expectAllClosed(garbled.closed);

		const dropping = await fakeNcaLayer({ answer: (_request, socket) => void socket.close() });
		const lost = await signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: IIN }, url: dropping.url });
		expect(lost).toMatchObject({ kind: 'failed', code: 'client.connection_lost' });
	});

	it('rejects a malformed owner before connecting', async () => {
		await expect(signWithNcaLayer({ ...base, data: new Uint8Array([1]), owner: { iin: '123' }, url: 'ws://127.0.0.1:1' })).rejects.toThrow(TypeError);
		expect(clients).toHaveLength(0);
	});

	it('serves as a DocumentSigner with its options fixed once', async () => {
		const fake = await fakeNcaLayer({ answer: () => ({ status: true, body: { result: CMS } }) });
		const signer = createNcaLayerSigner({ url: fake.url, WebSocketImpl: RecordingWebSocket });
		expect(signer.id).toBe('ncalayer');
		expect(await signer.sign({ data: new Uint8Array([9]), owner: { bin: BIN }, locale: 'en' })).toEqual({ kind: 'signed', cms: CMS });
		await expectAllClosed(fake.closed);
	});
});

describe('reading replies', () => {
	it('accepts only one Base64 result', () => {
		expect(normaliseCms(`  ${CMS}\n`)).toBe(CMS);
		expect(normaliseCms([CMS, CMS])).toBeNull();
		expect(normaliseCms('not base64!')).toBeNull();
		expect(normaliseCms('')).toBeNull();
		expect(normaliseCms(42)).toBeNull();
	});

	it('tells malformed replies from errors', () => {
		expect(readSignReply({ status: false, code: 7 })).toEqual({ kind: 'failed', code: '7', message: '' });
		expect(readSignReply({ status: true, body: { result: null } })).toEqual({ kind: 'cancelled' });
		expect(readSignReply([])).toMatchObject({ code: 'client.invalid_reply' });
		expect(readSignReply({ status: true })).toMatchObject({ code: 'client.invalid_reply' });
		expect(readSignReply({ status: true, body: { result: '%%%' } })).toMatchObject({ code: 'client.invalid_reply' });
	});
});
