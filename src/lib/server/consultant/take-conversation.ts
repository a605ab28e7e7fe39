import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { canConsult } from '../access/consultant-policy.ts';
import { userAccount } from '../accounts/schema.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { isOnDuty } from './consultant-duty.ts';
import { notifyConversation } from './conversation-events.ts';
import { findConversationForConsultant } from './find-conversation.ts';
import { consultantConversation, consultantMessage } from './schema.ts';

async function consultantName(tx: Parameters<Parameters<Database['transaction']>[0]>[0], userId: number): Promise<string> {
	const [row] = await tx.select({ firstName: userAccount.firstName }).from(userAccount).where(eq(userAccount.id, userId));
	return row?.firstName ?? '';
}

/**
 * An on-duty consultant takes a waiting conversation. Two taking the same one at once: the lock
 * lets one through, and the other is told it is taken (taking one's own again changes nothing).
 */
export async function takeConversation(db: Database, actor: Actor, publicId: string, now = new Date()): Promise<{ status: 'taken' | 'already_yours' }> {
	if (!canConsult(actor)) throw new AppError('consultant.not_found');
	return db.transaction(async (tx) => {
		const conversation = await findConversationForConsultant(tx, actor, publicId, { forUpdate: true });
		if (conversation.status === 'open' && conversation.consultantUserId === actor.id) return { status: 'already_yours' };
		if (conversation.status !== 'waiting') throw new AppError('consultant.already_taken');
		if (!(await isOnDuty(tx, actor.id, now))) throw new AppError('consultant.not_on_duty');
		await tx.update(consultantConversation).set({ status: 'open', consultantUserId: actor.id, takenAt: now }).where(eq(consultantConversation.id, conversation.id));
		await tx.insert(consultantMessage).values({ conversationId: conversation.id, author: 'system', body: 'consultant_system_joined', systemArgs: { name: await consultantName(tx, actor.id) }, createdAt: now });
		await recordAuditEvent(tx, { action: 'consultant.conversation_taken', actorUserId: actor.id, subject: conversation.publicId });
		await notifyConversation(tx, conversation.id, { queue: true });
		return { status: 'taken' };
	});
}

/** The consultant hands an open conversation to a colleague on duty, who carries on in it at once. */
export async function handOverConversation(db: Database, actor: Actor, publicId: string, colleagueId: number, now = new Date()): Promise<void> {
	if (!canConsult(actor)) throw new AppError('consultant.not_found');
	await db.transaction(async (tx) => {
		const conversation = await findConversationForConsultant(tx, actor, publicId, { forUpdate: true });
		if (conversation.status !== 'open' || conversation.consultantUserId !== actor.id) throw new AppError('consultant.not_yours');
		const [colleague] = await tx
			.select({ id: userAccount.id })
			.from(userAccount)
			.where(and(eq(userAccount.id, colleagueId), eq(userAccount.role, 'consultant'), eq(userAccount.isActive, true)));
		if (!colleague || colleague.id === actor.id || !(await isOnDuty(tx, colleague.id, now))) throw new AppError('consultant.colleague_unavailable');
		await tx.update(consultantConversation).set({ consultantUserId: colleague.id }).where(eq(consultantConversation.id, conversation.id));
		await tx.insert(consultantMessage).values({ conversationId: conversation.id, author: 'system', body: 'consultant_system_handed_over', systemArgs: { name: await consultantName(tx, colleague.id) }, createdAt: now });
		await recordAuditEvent(tx, { action: 'consultant.conversation_handed_over', actorUserId: actor.id, subject: conversation.publicId, details: { to: colleague.id } });
		await notifyConversation(tx, conversation.id, { queue: true });
	});
}
