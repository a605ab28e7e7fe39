import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { kazakhstanDateTime } from '../../i18n/formats.ts';
import type { Locale } from '../../i18n/localized.ts';
import { m } from '../../paraglide/messages.js';
import type { Visitor } from '../access/consultant-policy.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { consultantTranscript } from '../notifications/templates.ts';
import { findVisitorConversation } from './find-conversation.ts';
import { conversationMessages } from './read-conversation.ts';
import { consultantConversation } from './schema.ts';

/** After the end, the visitor rates the conversation once, 1 to 5. */
export async function rateConversation(db: Database, visitor: Visitor, ratingText: string, now = new Date()): Promise<{ status: 'rated' } | { status: 'invalid'; error: string }> {
	const rating = z.coerce.number().int().min(1).max(5).safeParse(ratingText);
	return db.transaction(async (tx) => {
		const conversation = await findVisitorConversation(tx, visitor, { now, forUpdate: true });
		if (!conversation || conversation.status !== 'closed' || conversation.consultantUserId === null) throw new AppError('consultant.not_rateable');
		if (conversation.rating !== null) return { status: 'rated' };
		if (!rating.success) return { status: 'invalid', error: 'error_consultant_rating' };
		await tx.update(consultantConversation).set({ rating: rating.data }).where(eq(consultantConversation.id, conversation.id));
		await recordAuditEvent(tx, { action: 'consultant.conversation_rated', actorUserId: visitor.userId, subject: conversation.publicId, details: { rating: rating.data } });
		return { status: 'rated' };
	});
}

/**
 * The transcript of an ended conversation, emailed to the address the visitor gives (their
 * contact's when it is an email). Sent once; asking again says it was sent.
 */
export async function sendTranscript(db: Database, visitor: Visitor, input: { email: string; locale: Locale }, now = new Date()): Promise<{ status: 'sent' } | { status: 'invalid'; error: string }> {
	const email = z.email().max(254).safeParse(input.email.trim());
	return db.transaction(async (tx) => {
		const conversation = await findVisitorConversation(tx, visitor, { now, forUpdate: true });
		if (!conversation || conversation.status !== 'closed') throw new AppError('consultant.not_rateable');
		if (conversation.transcriptSentAt) return { status: 'sent' };
		if (!email.success) return { status: 'invalid', error: input.email.trim() ? 'error_email' : 'error_required' };
		const time = kazakhstanDateTime(input.locale, { dateStyle: 'short', timeStyle: 'short' });
		const authors = { visitor: m.consultant_author_visitor({}, { locale: input.locale }), consultant: m.consultant_author_consultant({}, { locale: input.locale }), system: m.consultant_author_system({}, { locale: input.locale }) };
		const lines = (await conversationMessages(tx, conversation.id, input.locale)).map((message) => `[${time.format(message.createdAt)}] ${authors[message.author]}: ${message.text}`);
		await enqueueMessage(tx, { to: email.data, ...consultantTranscript(input.locale, { transcript: lines.join('\n') }) });
		await tx.update(consultantConversation).set({ transcriptSentAt: now }).where(eq(consultantConversation.id, conversation.id));
		await recordAuditEvent(tx, { action: 'consultant.transcript_sent', actorUserId: visitor.userId, subject: conversation.publicId });
		return { status: 'sent' };
	});
}
