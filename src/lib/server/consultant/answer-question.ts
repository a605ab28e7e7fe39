import { eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import { consultantTextSchema } from '../../schemas/consultant.ts';
import type { Actor } from '../access/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { consultantAnswer } from '../notifications/templates.ts';
import { notifyConversation } from './conversation-events.ts';
import { findConversationForConsultant } from './find-conversation.ts';
import { consultantConversation, consultantMessage } from './schema.ts';

/**
 * A consultant answers a question left outside working hours: the answer goes by email or SMS
 * (whichever contact the visitor left) through the outbox, in the visitor's language, and the
 * question leaves the queue. One answer per question: the second consultant is told it is answered.
 */
export async function answerQuestion(db: Database, actor: Actor, publicId: string, text: string, now = new Date()): Promise<{ status: 'answered' } | { status: 'invalid'; error: string }> {
	const answer = consultantTextSchema.safeParse(text);
	return db.transaction(async (tx) => {
		const conversation = await findConversationForConsultant(tx, actor, publicId, { forUpdate: true });
		if (conversation.status !== 'question') throw new AppError('consultant.already_answered');
		if (!answer.success) return { status: 'invalid', error: answer.error.issues[0]!.message };
		const contact = conversation.visitorContact ?? '';
		const channel = contact.includes('@') ? 'email' : 'sms';
		await enqueueMessage(tx, { to: contact, ...consultantAnswer(conversation.locale as Locale, { channel, answer: answer.data }) });
		await tx.insert(consultantMessage).values({ conversationId: conversation.id, author: 'consultant', authorUserId: actor.id, body: answer.data, createdAt: now });
		await tx.update(consultantConversation).set({ status: 'answered', consultantUserId: actor.id, closedAt: now }).where(eq(consultantConversation.id, conversation.id));
		await recordAuditEvent(tx, { action: 'consultant.question_answered', actorUserId: actor.id, subject: conversation.publicId, details: { channel } });
		await notifyConversation(tx, conversation.id, { queue: true });
		return { status: 'answered' };
	});
}
