import { and, asc, count, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { canConsult } from '../access/consultant-policy.ts';
import { userAccount } from '../accounts/schema.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { DUTY_FRESH_MS, isOnDuty } from './consultant-duty.ts';
import { consultantConversation, consultantDuty, type ConversationMode, type ConversationStatus } from './schema.ts';

export interface QueueItem {
	publicId: string;
	status: ConversationStatus;
	mode: ConversationMode;
	visitorName: string;
	locale: string;
	createdAt: Date;
	/** The visitor's first words, so the consultant knows what it is about before taking it. */
	preview: string | null;
}

export interface ConsultantQueue {
	isOnDuty: boolean;
	waiting: QueueItem[];
	waitingCount: number;
	mine: QueueItem[];
	questions: QueueItem[];
	questionCount: number;
	/** Other consultants' open conversations, counted. */
	othersOpen: number;
	colleaguesOnDuty: { id: number; name: string }[];
}

/** How many of each list a page shows; the counts say how many there are in all. */
export const QUEUE_PAGE = 50;

// Written out in full: inside a subquery drizzle leaves the outer table's columns unqualified, so `id` would be the message's own.
const firstVisitorWords = sql<string | null>`(select left(first_words.body, 160) from consultant_message first_words where first_words.conversation_id = "consultant_conversation"."id" and first_words.author = 'visitor' order by first_words.id limit 1)`;

function items(db: Executor, where: ReturnType<typeof and>, limit = QUEUE_PAGE) {
	return db
		.select({ publicId: consultantConversation.publicId, status: consultantConversation.status, mode: consultantConversation.mode, visitorName: consultantConversation.visitorName, locale: consultantConversation.locale, createdAt: consultantConversation.createdAt, preview: firstVisitorWords })
		.from(consultantConversation)
		.where(where)
		.orderBy(asc(consultantConversation.id))
		.limit(limit);
}

/** The on-duty queue as a consultant works it: who waits longest first, their own open ones, questions left. */
export async function listConsultantQueue(db: Executor, actor: Actor, now = new Date()): Promise<ConsultantQueue> {
	if (!canConsult(actor)) throw new AppError('consultant.not_found');
	const counts = await db
		.select({ status: consultantConversation.status, value: count() })
		.from(consultantConversation)
		.where(inArray(consultantConversation.status, ['waiting', 'question', 'open']))
		.groupBy(consultantConversation.status);
	const [mineCount] = await db.select({ value: count() }).from(consultantConversation).where(and(eq(consultantConversation.status, 'open'), eq(consultantConversation.consultantUserId, actor.id)));
	const countOf = (status: ConversationStatus) => counts.find((row) => row.status === status)?.value ?? 0;
	const [waiting, mine, questions, colleagues, onDuty] = await Promise.all([
		items(db, and(eq(consultantConversation.status, 'waiting'))),
		items(db, and(eq(consultantConversation.status, 'open'), eq(consultantConversation.consultantUserId, actor.id))),
		items(db, and(eq(consultantConversation.status, 'question'))),
		db
			.select({ id: userAccount.id, firstName: userAccount.firstName, lastName: userAccount.lastName })
			.from(consultantDuty)
			.innerJoin(userAccount, eq(userAccount.id, consultantDuty.userId))
			.where(and(ne(consultantDuty.userId, actor.id), eq(userAccount.role, 'consultant'), eq(userAccount.isActive, true), gt(consultantDuty.lastSeenAt, new Date(now.getTime() - DUTY_FRESH_MS))))
			.orderBy(asc(userAccount.lastName)),
		isOnDuty(db, actor.id, now)
	]);
	return {
		isOnDuty: onDuty,
		waiting,
		waitingCount: countOf('waiting'),
		mine,
		questions,
		questionCount: countOf('question'),
		othersOpen: countOf('open') - (mineCount?.value ?? 0),
		colleaguesOnDuty: colleagues.map((row) => ({ id: row.id, name: `${row.lastName} ${row.firstName}` }))
	};
}
