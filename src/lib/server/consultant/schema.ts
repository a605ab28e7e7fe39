import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { userAccount } from '../accounts/schema.ts';

/**
 * A conversation with the virtual consultant, from the first message to the rating:
 * `waiting` in the on-duty queue, `open` once a consultant took it, `closed` by either side;
 * `question` is one left outside working hours (or with nobody on duty), `answered` once a
 * consultant replied to it by email or SMS. A visitor without an account is recognised by a
 * browser-session cookie whose hash is kept here; a signed-in applicant by their account.
 */
export const CONVERSATION_STATUSES = ['waiting', 'open', 'closed', 'question', 'answered'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
/** How the visitor asked to talk: the chat, or a call with voice only (Smart Call) or with video. */
export const CONVERSATION_MODES = ['chat', 'audio', 'video'] as const;
export type ConversationMode = (typeof CONVERSATION_MODES)[number];

export const consultantConversation = pgTable(
	'consultant_conversation',
	{
		id: serial('id').primaryKey(),
		/** The address the conversation is known by in the office (never guessable from the sequence). */
		publicId: uuid('public_id').notNull().unique().defaultRandom(),
		status: text('status', { enum: CONVERSATION_STATUSES }).notNull(),
		mode: text('mode', { enum: CONVERSATION_MODES }).notNull().default('chat'),
		locale: text('locale').notNull(),
		applicantUserId: integer('applicant_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
		visitorTokenHash: text('visitor_token_hash'),
		visitorName: text('visitor_name').notNull(),
		/** A phone (+7…) or an email, as the visitor gave it or from their account. */
		visitorContact: text('visitor_contact'),
		consultantUserId: integer('consultant_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		takenAt: timestamp('taken_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		rating: smallint('rating'),
		transcriptSentAt: timestamp('transcript_sent_at', { withTimezone: true })
	},
	(t) => [
		index('consultant_conversation_queue_idx').on(t.status, t.createdAt),
		index('consultant_conversation_visitor_idx').on(t.visitorTokenHash).where(sql`${t.visitorTokenHash} is not null`),
		index('consultant_conversation_applicant_idx').on(t.applicantUserId).where(sql`${t.applicantUserId} is not null`)
	]
);

export const CONSULTANT_MESSAGE_AUTHORS = ['visitor', 'consultant', 'system'] as const;
export type ConsultantMessageAuthor = (typeof CONSULTANT_MESSAGE_AUTHORS)[number];

export const consultantMessage = pgTable(
	'consultant_message',
	{
		id: serial('id').primaryKey(),
		conversationId: integer('conversation_id')
			.notNull()
			.references(() => consultantConversation.id, { onDelete: 'cascade' }),
		author: text('author', { enum: CONSULTANT_MESSAGE_AUTHORS }).notNull(),
		authorUserId: integer('author_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
		/** A system line is stored as its message key and arguments, shown in the reader's language. */
		body: text('body').notNull(),
		systemArgs: jsonb('system_args').$type<Record<string, string>>(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('consultant_message_conversation_idx').on(t.conversationId, t.id)]
);

/** WebRTC signalling of a call, relayed between the two browsers in order; never the media itself. */
export const CALL_SIGNAL_KINDS = ['ready', 'offer', 'answer', 'ice', 'hangup'] as const;
export type CallSignalKind = (typeof CALL_SIGNAL_KINDS)[number];

export const consultantCallSignal = pgTable(
	'consultant_call_signal',
	{
		id: serial('id').primaryKey(),
		conversationId: integer('conversation_id')
			.notNull()
			.references(() => consultantConversation.id, { onDelete: 'cascade' }),
		side: text('side', { enum: ['visitor', 'consultant'] }).notNull(),
		kind: text('kind', { enum: CALL_SIGNAL_KINDS }).notNull(),
		/** Which attempt of the call this belongs to: a side that reloads starts a new one. */
		callId: text('call_id').notNull(),
		payload: jsonb('payload').$type<unknown>(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('consultant_call_signal_conversation_idx').on(t.conversationId, t.id)]
);

/** A consultant on duty: taken into account while they were seen in the last few minutes. */
export const consultantDuty = pgTable('consultant_duty', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => userAccount.id, { onDelete: 'cascade' }),
	since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
	lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow()
});
