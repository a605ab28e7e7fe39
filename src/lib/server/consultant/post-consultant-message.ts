import type { Actor } from '../access/actor.ts';
import { isAssignedConsultant, type Visitor } from '../access/consultant-policy.ts';
import { consultantTextSchema } from '../../schemas/consultant.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { notifyConversation } from './conversation-events.ts';
import { findConversationForConsultant, findVisitorConversation } from './find-conversation.ts';
import { consultantMessage } from './schema.ts';

export type PostOutcome = { status: 'posted'; id: number } | { status: 'invalid'; error: string };

/** The visitor writes while their conversation waits or is open: the first words help whoever takes it. */
export async function postVisitorMessage(db: Database, visitor: Visitor, text: string, now = new Date()): Promise<PostOutcome> {
	const body = consultantTextSchema.safeParse(text);
	return db.transaction(async (tx) => {
		const conversation = await findVisitorConversation(tx, visitor, { now, forUpdate: true });
		if (!conversation || (conversation.status !== 'waiting' && conversation.status !== 'open')) throw new AppError('consultant.closed');
		if (!body.success) return { status: 'invalid', error: body.error.issues[0]!.message };
		const [row] = await tx.insert(consultantMessage).values({ conversationId: conversation.id, author: 'visitor', authorUserId: visitor.userId, body: body.data, createdAt: now }).returning({ id: consultantMessage.id });
		await notifyConversation(tx, conversation.id, { queue: conversation.status === 'waiting' });
		return { status: 'posted', id: row!.id };
	});
}

/** The consultant who took the conversation answers in it. */
export async function postConsultantMessage(db: Database, actor: Actor, publicId: string, text: string, now = new Date()): Promise<PostOutcome> {
	const body = consultantTextSchema.safeParse(text);
	return db.transaction(async (tx) => {
		const conversation = await findConversationForConsultant(tx, actor, publicId, { forUpdate: true });
		if (conversation.status !== 'open' || !isAssignedConsultant(conversation, actor)) throw new AppError('consultant.not_yours');
		if (!body.success) return { status: 'invalid', error: body.error.issues[0]!.message };
		const [row] = await tx.insert(consultantMessage).values({ conversationId: conversation.id, author: 'consultant', authorUserId: actor.id, body: body.data, createdAt: now }).returning({ id: consultantMessage.id });
		await notifyConversation(tx, conversation.id);
		return { status: 'posted', id: row!.id };
	});
}
