import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { DELIVERY_LEASE_MS, deliverDueMessages, enqueueMessage, MAX_DELIVERY_ATTEMPTS, type Transports } from './outbox.ts';
import { outboxMessage } from './schema.ts';
import { OUTBOX_SENDS_IN_FLIGHT, startOutboxWorker } from './start-outbox-worker.ts';
import type { DeliveryResult, OutgoingMessage, Transport } from './transport.ts';

let handle: DatabaseHandle;
/** A second worker's connection: its own pool on PostgreSQL; PGlite has only the one. */
let other: DatabaseHandle;

beforeAll(async () => {
	handle = await openTestDatabase();
	other = handle;
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (serverUrl) {
		const [current] = await queryRows<{ name: string }>(handle.db, sql`select current_database() as name`);
		const url = new URL(serverUrl);
		url.pathname = `/${current!.name}`;
		other = await openDatabase({ url: url.toString(), poolSize: 4 });
	}
});
afterAll(async () => {
	if (other && other !== handle) await other.close();
	await handle?.close();
});
beforeEach(async () => {
	await handle.db.delete(outboxMessage);
});

const at = (iso: string) => new Date(iso);
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);
const both = (transport: Transport): Transports => ({ sms: transport, email: transport });

function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((done) => (resolve = done));
	return { promise, resolve };
}

/** Resolves with the promise's value, or with 'timed out' after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), ms)));
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A gateway that answers only when the test says so, like one that takes 20 s, without the wait. */
function slowGateway(name: string) {
	const calls: { message: OutgoingMessage; answer: (result: DeliveryResult) => void }[] = [];
	let called = deferred<void>();
	const transport: Transport = {
		name,
		send(message) {
			const reply = deferred<DeliveryResult>();
			calls.push({ message, answer: reply.resolve });
			called.resolve();
			return reply.promise;
		}
	};
	return {
		transport,
		calls,
		async firstCall() {
			if (calls.length === 0) await called.promise;
			called = deferred<void>();
			return calls[0]!;
		}
	};
}

function recordingTransport(name: string): Transport & { sent: OutgoingMessage[] } {
	const sent: OutgoingMessage[] = [];
	return { name, sent, send: async (message) => (sent.push(message), { status: 'sent', providerId: `${name}-${sent.length}` }) };
}

async function onlyRow() {
	const rows = await handle.db.select().from(outboxMessage);
	expect(rows).toHaveLength(1);
	return rows[0]!;
}

describe('outbox delivery', () => {
	it('holds no transaction or row lock while a send is pending', async () => {
		await enqueueMessage(handle.db, { channel: 'email', to: 'slow@example.kz', subject: 'Код', text: 'Мәтін' });
		const t0 = at('2030-01-01T00:00:00Z');
		const gateway = slowGateway('slow-smtp');
		const round = deliverDueMessages(handle.db, both(gateway.transport), t0);
		const call = await gateway.firstCall();

		// Other work on the same database goes on meanwhile: queue a message, read, lock the sent row.
		const work = (async () => {
			await enqueueMessage(handle.db, { channel: 'sms', to: '+77010000001', text: 'басқа' });
			await handle.db.transaction(async (tx) => {
				await tx.execute(sql`select id from outbox_message where recipient = 'slow@example.kz' for update nowait`);
			});
			return handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, 'slow@example.kz'));
		})();
		const seen = await within(work, 2000);
		expect(seen).not.toBe('timed out');
		expect(seen).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, leaseOwner: expect.any(String), leaseExpiresAt: later(t0, DELIVERY_LEASE_MS) })]);

		call.answer({ status: 'sent', providerId: 'smtp-1' });
		expect(await round).toBe(1);
		const [row] = await handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, 'slow@example.kz'));
		expect(row).toMatchObject({ status: 'sent', attempts: 1, transport: 'slow-smtp', providerMessageId: 'smtp-1', sentAt: t0, leaseOwner: null, leaseExpiresAt: null });
	});

	it('two workers draining at the same time send each message exactly once', async () => {
		const count = 23;
		for (let i = 0; i < count; i++) await enqueueMessage(handle.db, { channel: 'sms', to: `+7701${String(i).padStart(7, '0')}`, text: `m${i}` });
		const t0 = at('2030-01-01T00:00:00Z');
		const sent: { worker: string; text: string }[] = [];
		// The first sends wait until both workers are sending: the two really run side by side.
		const inFlight = new Map<string, number>();
		const bothSending = deferred<void>();
		let isTogether = false;
		const worker = (name: string): Transport => ({
			name,
			async send(message) {
				sent.push({ worker: name, text: message.text });
				inFlight.set(name, (inFlight.get(name) ?? 0) + 1);
				if (!isTogether && inFlight.size === 2) {
					isTogether = true;
					bothSending.resolve();
				}
				await bothSending.promise;
				await new Promise((resolve) => setTimeout(resolve, 1));
				return { status: 'sent', providerId: `${name}:${message.text}` };
			}
		});
		const drain = async (db: DatabaseHandle['db'], transport: Transport) => {
			let claimed = 0;
			for (let n; (n = await deliverDueMessages(db, both(transport), t0)) > 0; ) claimed += n;
			return claimed;
		};
		const [a, b] = await Promise.all([drain(handle.db, worker('a')), drain(other.db, worker('b'))]);

		expect(a + b).toBe(count);
		expect(sent.map((s) => s.text).sort()).toEqual(Array.from({ length: count }, (_, i) => `m${i}`).sort());
		expect(new Set(sent.map((s) => s.worker))).toEqual(new Set(['a', 'b']));
		const rows = await handle.db.select().from(outboxMessage);
		for (const row of rows) {
			const by = sent.find((s) => s.text === row.body)!.worker;
			expect(row).toMatchObject({ status: 'sent', attempts: 1, transport: by, providerMessageId: `${by}:${row.body}`, leaseOwner: null });
		}
	});

	it("sends a crashed worker's message again only once its lease has expired, and ignores that worker's late answer", async () => {
		await enqueueMessage(handle.db, { channel: 'email', to: 'a@example.kz', subject: 'Тақырып', text: 'Мәтін' });
		const t0 = at('2030-01-01T00:00:00Z');
		const stale = slowGateway('stale');
		const staleRound = deliverDueMessages(handle.db, both(stale.transport), t0);
		const call = await stale.firstCall();
		expect(await onlyRow()).toMatchObject({ status: 'pending', attempts: 1, leaseExpiresAt: later(t0, DELIVERY_LEASE_MS) });

		const fresh = recordingTransport('fresh');
		expect(await deliverDueMessages(other.db, both(fresh), later(t0, DELIVERY_LEASE_MS - 1000))).toBe(0);
		expect(fresh.sent).toHaveLength(0);
		expect(await deliverDueMessages(other.db, both(fresh), later(t0, DELIVERY_LEASE_MS + 1000))).toBe(1);
		expect(fresh.sent).toEqual([{ channel: 'email', to: 'a@example.kz', subject: 'Тақырып', text: 'Мәтін' }]);
		const taken = await onlyRow();
		expect(taken).toMatchObject({ status: 'sent', attempts: 2, transport: 'fresh', providerMessageId: 'fresh-1', sentAt: later(t0, DELIVERY_LEASE_MS + 1000), leaseOwner: null });

		// The first worker was not dead after all: its answer arrives and changes nothing.
		call.answer({ status: 'retry', error: 'socket timeout' });
		expect(await staleRound).toBe(1);
		expect(await onlyRow()).toEqual(taken);
		expect(await deliverDueMessages(other.db, both(fresh), later(t0, 3 * DELIVERY_LEASE_MS))).toBe(0);
		expect(fresh.sent).toHaveLength(1);
	});

	it('records a late answer when nobody took the message over, at the time it arrived', async () => {
		await enqueueMessage(handle.db, { channel: 'sms', to: '+77010000002', text: 'код' });
		let now = at('2030-01-01T00:00:00Z');
		const gateway = slowGateway('slow-sms');
		const round = deliverDueMessages(handle.db, both(gateway.transport), () => now);
		const call = await gateway.firstCall();
		now = later(now, DELIVERY_LEASE_MS + 5000);
		call.answer({ status: 'retry', error: 'x'.repeat(600) });
		expect(await round).toBe(1);
		const row = await onlyRow();
		expect(row).toMatchObject({ status: 'pending', attempts: 1, transport: 'slow-sms', nextAttemptAt: later(now, 10_000), leaseOwner: null, leaseExpiresAt: null });
		expect(row.lastError).toHaveLength(500);
	});

	it('gives a message up after the last attempt, also when that attempt was interrupted', async () => {
		await enqueueMessage(handle.db, { channel: 'sms', to: '+77010000003', text: 'a' });
		await handle.db.update(outboxMessage).set({ attempts: MAX_DELIVERY_ATTEMPTS - 1 });
		const t0 = at('2030-01-01T00:00:00Z');
		const stale = slowGateway('stale');
		const staleRound = deliverDueMessages(handle.db, both(stale.transport), t0);
		const call = await stale.firstCall();

		const fresh = recordingTransport('fresh');
		expect(await deliverDueMessages(other.db, both(fresh), later(t0, DELIVERY_LEASE_MS + 1000))).toBe(0);
		expect(fresh.sent).toHaveLength(0);
		expect(await onlyRow()).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS, lastError: expect.stringContaining('interrupted') });

		// Should its worker still answer, what really happened wins.
		call.answer({ status: 'sent', providerId: 'late-1' });
		await staleRound;
		expect(await onlyRow()).toMatchObject({ status: 'sent', attempts: MAX_DELIVERY_ATTEMPTS, providerMessageId: 'late-1', leaseOwner: null });

		await handle.db.delete(outboxMessage);
		await enqueueMessage(handle.db, { channel: 'sms', to: '+77010000004', text: 'b' });
		await handle.db.update(outboxMessage).set({ attempts: MAX_DELIVERY_ATTEMPTS - 1 });
		const failing: Transport = { name: 'flaky', send: async () => ({ status: 'retry', error: 'HTTP 503' }) };
		expect(await deliverDueMessages(handle.db, both(failing), t0)).toBe(1);
		expect(await onlyRow()).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS, lastError: 'HTTP 503', leaseOwner: null });
	});

	it('counts a transport that throws as a temporary failure', async () => {
		await enqueueMessage(handle.db, { channel: 'email', to: 'b@example.kz', text: 'c' });
		const broken: Transport = {
			name: 'broken',
			send: async () => {
				throw new Error('connection reset');
			}
		};
		const t0 = at('2030-01-01T00:00:00Z');
		expect(await deliverDueMessages(handle.db, both(broken), t0)).toBe(1);
		expect(await onlyRow()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connection reset', nextAttemptAt: later(t0, 10_000), leaseOwner: null });
	});
});

describe('outbox worker', () => {
	it('sends queued messages side by side, a few at a time, and waits for the sends under way when stopped', async () => {
		const gateway = slowGateway('slow');
		// Only NOTIFY wakes it during the test.
		const stopWorker = await startOutboxWorker(handle, both(gateway.transport), 600_000);
		const count = OUTBOX_SENDS_IN_FLIGHT + 2;
		for (let i = 0; i < count; i++) await enqueueMessage(handle.db, { channel: 'sms', to: `+7702${String(i).padStart(7, '0')}`, text: `w${i}` });
		await vi.waitFor(() => expect(gateway.calls).toHaveLength(OUTBOX_SENDS_IN_FLIGHT), { timeout: 5000 });
		// The database stays free meanwhile, and no further send starts while the lanes are busy.
		expect(await within(handle.db.select().from(outboxMessage), 2000)).toHaveLength(count);
		expect(gateway.calls).toHaveLength(OUTBOX_SENDS_IN_FLIGHT);

		for (const call of gateway.calls.slice(0, OUTBOX_SENDS_IN_FLIGHT)) call.answer({ status: 'sent' });
		await vi.waitFor(() => expect(gateway.calls).toHaveLength(count), { timeout: 5000 });
		let isStopped = false;
		const stopping = stopWorker().then(() => (isStopped = true));
		await handle.db.select().from(outboxMessage);
		expect(isStopped).toBe(false);
		for (const call of gateway.calls.slice(OUTBOX_SENDS_IN_FLIGHT)) call.answer({ status: 'sent' });
		await stopping;

		const rows = await handle.db.select().from(outboxMessage);
		expect(rows.map((row) => row.status)).toEqual(Array(count).fill('sent'));
		expect(new Set(gateway.calls.map((call) => call.message.text)).size).toBe(count);
	});
});

describe('outbox worker wake-ups', () => {
	it('starts a send for every message queued while lanes are taken, also by lanes on their way out', async () => {
		// Sends that do not end keep their lanes; the lanes that found the outbox empty are still
		// leaving when the next message's notification arrives. Repeated, since it is about timing.
		const gateway = slowGateway('blocking');
		// Only NOTIFY wakes it during the test.
		const stopWorker = await startOutboxWorker(handle, both(gateway.transport), 600_000);
		try {
			const perRound = OUTBOX_SENDS_IN_FLIGHT - 1;
			for (let round = 0; round < 25; round++) {
				for (let i = 0; i < perRound; i++) await enqueueMessage(handle.db, { channel: 'sms', to: `+7703${String(round * 10 + i).padStart(7, '0')}`, text: `r${round}-${i}` });
				await vi.waitFor(() => expect(gateway.calls).toHaveLength((round + 1) * perRound), { timeout: 5000 });
				for (const call of gateway.calls.slice(round * perRound)) call.answer({ status: 'sent' });
				await vi.waitFor(async () => expect((await handle.db.select().from(outboxMessage)).every((row) => row.status === 'sent')).toBe(true), { timeout: 5000 });
			}
		} finally {
			await stopWorker();
		}
	});
});
