import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.ts';
import { outboxMessage } from './schema.ts';
import type { OutgoingMessage, Transport } from './transport.ts';

export const OUTBOX_CHANNEL = 'outbox';
/** After this many failed tries a message is given up and marked failed. */
export const MAX_DELIVERY_ATTEMPTS = 8;

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

/**
 * Delivers due messages, a batch at a time. Rows are locked with SKIP LOCKED while being sent, so
 * several workers (instances) never send the same message twice at once. Returns how many were tried.
 */
export async function deliverDueMessages(db: Database, transports: Transports, now = new Date(), batchSize = 20): Promise<number> {
	return db.transaction(async (tx) => {
		const due = await tx
			.select()
			.from(outboxMessage)
			.where(and(eq(outboxMessage.status, 'pending'), lte(outboxMessage.nextAttemptAt, now)))
			.orderBy(asc(outboxMessage.id))
			.limit(batchSize)
			.for('update', { skipLocked: true });
		for (const message of due) {
			const transport = transports[message.channel];
			const attempts = message.attempts + 1;
			let result;
			try {
				result = await transport.send({ channel: message.channel, to: message.recipient, subject: message.subject ?? undefined, text: message.body });
			} catch (error) {
				result = { status: 'retry' as const, error: error instanceof Error ? error.message : String(error) };
			}
			if (result.status === 'sent') {
				await tx.update(outboxMessage).set({ status: 'sent', attempts, sentAt: now, transport: transport.name, providerMessageId: result.providerId ?? null, lastError: null }).where(eq(outboxMessage.id, message.id));
			} else if (result.status === 'failed' || attempts >= MAX_DELIVERY_ATTEMPTS) {
				await tx.update(outboxMessage).set({ status: 'failed', attempts, transport: transport.name, lastError: result.error.slice(0, 500) }).where(eq(outboxMessage.id, message.id));
			} else {
				await tx
					.update(outboxMessage)
					.set({ attempts, transport: transport.name, lastError: result.error.slice(0, 500), nextAttemptAt: new Date(now.getTime() + backoffSeconds(attempts) * 1000) })
					.where(eq(outboxMessage.id, message.id));
			}
		}
		return due.length;
	});
}
