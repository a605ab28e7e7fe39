import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only record of sign-ins, failures and changes: who, what, when (UTC). */
export const auditEvent = pgTable(
	'audit_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: integer('actor_user_id'),
		action: text('action').notNull(),
		subject: text('subject'),
		ipAddress: text('ip_address'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({})
	},
	(t) => [index('audit_event_actor_idx').on(t.actorUserId, t.at), index('audit_event_action_idx').on(t.action, t.at)]
);
