import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { isAssignedConsultant, type Visitor } from '../access/consultant-policy.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database, Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { notifyConversation } from './conversation-events.ts';
import { findConversationForConsultant, findVisitorConversation, type ConversationRow } from './find-conversation.ts';
import { consultantConversation, consultantMessage } from './schema.ts';

async function close(tx: Executor, conversation: ConversationRow, by: 'visitor' | 'consultant', actorUserId: number | null, now: Date) {
	await tx.update(consultantConversation).set({ status: 'closed', closedAt: now }).where(eq(consultantConversation.id, conversation.id));
	await tx.insert(consultantMessage).values({ conversationId: conversation.id, author: 'system', body: by === 'visitor' ? 'consultant_system_closed_by_visitor' : 'consultant_system_closed_by_consultant', createdAt: now });
	await recordAuditEvent(tx, { action: 'consultant.conversation_closed', actorUserId, subject: conversation.publicId, details: { by } });
	await notifyConversation(tx, conversation.id, { queue: true });
}

/** The visitor ends the conversation, waiting or open; ending one already ended changes nothing. */
export async function closeByVisitor(db: Database, visitor: Visitor, now = new Date()): Promise<void> {
	await db.transaction(async (tx) => {
		const conversation = await findVisitorConversation(tx, visitor, { now, forUpdate: true });
		if (!conversation) throw new AppError('consultant.closed');
		if (conversation.status === 'waiting' || conversation.status === 'open') await close(tx, conversation, 'visitor', visitor.userId, now);
	});
}

export async function closeByConsultant(db: Database, actor: Actor, publicId: string, now = new Date()): Promise<void> {
	await db.transaction(async (tx) => {
		const conversation = await findConversationForConsultant(tx, actor, publicId, { forUpdate: true });
		if (conversation.status === 'closed') return;
		if (conversation.status !== 'open' || !isAssignedConsultant(conversation, actor)) throw new AppError('consultant.not_yours');
		await close(tx, conversation, 'consultant', actor.id, now);
	});
}
