import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { NOTIFICATION_CHANNELS } from '../accounts/schema.ts';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

/**
 * Messages to deliver, written in the same transaction as the change that causes them and drained
 * by a worker (`FOR UPDATE SKIP LOCKED`), so none is lost by a crash and none is sent twice at once.
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
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [index('outbox_message_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`)]
);
