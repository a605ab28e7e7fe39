import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.ts';
import { outboxMessage } from './schema.ts';
import type { DeliveryResult, OutgoingMessage, Transport } from './transport.ts';

export const OUTBOX_CHANNEL = 'outbox';
/** After this many tries a message is given up and marked failed. */
export const MAX_DELIVERY_ATTEMPTS = 8;
/**
 * How long a worker's claim on a message holds. It must outlast the longest send, or another
 * worker would take the message over and send it a second time while the first send is still
 * going: SMTP waits up to 15 s to connect and 30 s on a silent socket, the SMS gateways give up
 * after 10–20 s. Two minutes leaves room for that and for recording the result, and still sends a
 * crashed instance's messages a couple of minutes later.
 */
export const DELIVERY_LEASE_MS = 2 * 60 * 1000;
/**
 * Messages one round claims. They are all sent at once, so each send starts as soon as it is claimed
 * and the lease has to cover one send, not a queue of them.
 */
export const DELIVERY_BATCH_SIZE = 5;

/** Queues a message in the caller's transaction: it is sent only if that transaction commits. */
export async function enqueueMessage(tx: Executor, message: OutgoingMessage): Promise<void> {
	await tx.insert(outboxMessage).values({ channel: message.channel, recipient: message.to, subject: message.subject ?? null, body: message.text });
	await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

/** Wait before the next try: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffSeconds(attempts: number): number {
	return Math.min(10 * 2 ** Math.max(0, attempts - 1), 3600);
}

export type Transports = Record<OutgoingMessage['channel'], Transport>;
type ClaimedMessage = typeof outboxMessage.$inferSelect;
/** Messages a worker holds, under a lease in the name of `owner`. */
export interface Claim {
	owner: string;
	messages: ClaimedMessage[];
}

/**
 * Delivers due messages, a batch at a time: claims them with a lease in one short transaction,
 * sends them outside any transaction (a gateway that answers after 20 s holds no connection and no
 * row lock, which on the embedded database would stall every request), then records each result if
 * the lease is still this round's. Returns how many were claimed. `now` is a date or a clock, for tests.
 */
export async function deliverDueMessages(db: Database, transports: Transports, now: Date | (() => Date) = () => new Date(), batchSize = DELIVERY_BATCH_SIZE): Promise<number> {
	const clock = typeof now === 'function' ? now : () => now;
	const claim = await claimDueMessages(db, clock(), batchSize);
	await sendClaimed(db, transports, claim, clock);
	return claim.messages.length;
}

/**
 * Takes due messages nobody holds (or whose holder's lease ran out) and counts the attempt now, so
 * an attempt cut short by a crash counts too. SKIP LOCKED keeps two workers claiming at the same
 * moment from waiting on each other; the lease condition, re-checked on the locked row, keeps them
 * from claiming the same message.
 */
export async function claimDueMessages(db: Database, now: Date, limit: number): Promise<Claim> {
	// One owner per claim: two rounds, in one process or two, never pass for each other.
	const owner = randomUUID();
	const isClaimable = and(
		eq(outboxMessage.status, 'pending'),
		lte(outboxMessage.nextAttemptAt, now),
		or(isNull(outboxMessage.leaseExpiresAt), lt(outboxMessage.leaseExpiresAt, now))
	);
	const messages = await db.transaction(async (tx) => {
		// The last allowed attempt was claimed and never recorded: it counts, so the message is given
		// up. The lease stays, so should that worker still answer, its result is recorded after all.
		await tx
			.update(outboxMessage)
			.set({ status: 'failed', lastError: 'the last attempt was interrupted before its result was recorded' })
			.where(and(isClaimable, gte(outboxMessage.attempts, MAX_DELIVERY_ATTEMPTS)));
		const due = tx
			.select({ id: outboxMessage.id })
			.from(outboxMessage)
			.where(and(isClaimable, lt(outboxMessage.attempts, MAX_DELIVERY_ATTEMPTS)))
			.orderBy(asc(outboxMessage.id))
			.limit(limit)
			.for('update', { skipLocked: true });
		return tx
			.update(outboxMessage)
			.set({ attempts: sql`${outboxMessage.attempts} + 1`, leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + DELIVERY_LEASE_MS) })
			.where(inArray(outboxMessage.id, due))
			.returning();
	});
	return { owner, messages: messages.sort((a, b) => a.id - b.id) };
}

/** Sends claimed messages, all at once, and records each result while the lease is still the claim's. */
export async function sendClaimed(db: Database, transports: Transports, claim: Claim, clock: () => Date = () => new Date()): Promise<void> {
	const outcomes = await Promise.allSettled(claim.messages.map((message) => deliverClaimed(db, transports[message.channel], message, claim.owner, clock)));
	const failure = outcomes.find((outcome) => outcome.status === 'rejected');
	if (failure) throw failure.reason;
}

async function deliverClaimed(db: Database, transport: Transport, message: ClaimedMessage, owner: string, clock: () => Date): Promise<void> {
	let result: DeliveryResult;
	try {
		result = await transport.send({ channel: message.channel, to: message.recipient, subject: message.subject ?? undefined, text: message.body });
	} catch (error) {
		result = { status: 'retry', error: error instanceof Error ? error.message : String(error) };
	}
	const now = clock();
	const released = { transport: transport.name, leaseOwner: null, leaseExpiresAt: null };
	const changes =
		result.status === 'sent'
			? { ...released, status: 'sent' as const, sentAt: now, providerMessageId: result.providerId ?? null, lastError: null }
			: result.status === 'failed' || message.attempts >= MAX_DELIVERY_ATTEMPTS
				? { ...released, status: 'failed' as const, lastError: result.error.slice(0, 500) }
				: { ...released, lastError: result.error.slice(0, 500), nextAttemptAt: new Date(now.getTime() + backoffSeconds(message.attempts) * 1000) };
	// Only while the lease is ours: a worker that took the message over after it ran out owns its state now.
	const recorded = await db
		.update(outboxMessage)
		.set(changes)
		.where(and(eq(outboxMessage.id, message.id), eq(outboxMessage.leaseOwner, owner)))
		.returning({ id: outboxMessage.id });
	if (recorded.length === 0) console.warn(`[outbox] message ${message.id}: ${result.status} after its lease was taken over; that result is not recorded`);
}
