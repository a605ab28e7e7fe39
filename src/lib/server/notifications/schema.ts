import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { NOTIFICATION_CHANNELS } from '../accounts/schema.ts';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

/**
 * Messages to deliver, written in the same transaction as the change that causes them and drained
 * by a worker, so none is lost by a crash. A worker claims a message with a lease (owner and
 * expiry, taken with `FOR UPDATE SKIP LOCKED`) and sends it outside any transaction: no two live
 * workers send one message, and a crashed worker's messages go out once its lease has expired.
 */
export const outboxMessage = pgTable(
	'outbox_message',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject'),
		body: text('body').notNull(),
		status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		lastError: text('last_error'),
		transport: text('transport'),
		providerMessageId: text('provider_message_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		/** The worker round sending the message now; only it may record the result. */
		leaseOwner: text('lease_owner'),
		/** Until when that claim holds; after it another worker may take the message over. */
		leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true })
	},
	(t) => [index('outbox_message_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`)]
);
