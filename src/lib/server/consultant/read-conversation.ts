import { and, asc, count, eq, gt, lt } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import { messageByKey } from '../../i18n/message-by-key.ts';
import type { Executor } from '../db/client.ts';
import type { ConversationRow } from './find-conversation.ts';
import { consultantConversation, consultantMessage, type ConsultantMessageAuthor } from './schema.ts';

export interface ConversationMessage {
	id: number;
	author: ConsultantMessageAuthor;
	/** System lines already in the reader's language. */
	text: string;
	createdAt: Date;
}

/** The conversation's messages after `afterId`, oldest first (at most 500 at a time). */
export async function conversationMessages(db: Executor, conversationId: number, locale: Locale, afterId = 0): Promise<ConversationMessage[]> {
	const rows = await db
		.select({ id: consultantMessage.id, author: consultantMessage.author, body: consultantMessage.body, systemArgs: consultantMessage.systemArgs, createdAt: consultantMessage.createdAt })
		.from(consultantMessage)
		.where(and(eq(consultantMessage.conversationId, conversationId), gt(consultantMessage.id, afterId)))
		.orderBy(asc(consultantMessage.id))
		.limit(500);
	return rows.map((row) => ({ id: row.id, author: row.author, text: row.author === 'system' ? messageByKey(row.body, row.systemArgs ?? {}, locale) : row.body, createdAt: row.createdAt }));
}

/** A waiting conversation's place in the queue (1 = next), or null once it is not waiting. */
export async function queuePlace(db: Executor, conversation: Pick<ConversationRow, 'id' | 'status'>): Promise<number | null> {
	if (conversation.status !== 'waiting') return null;
	const [row] = await db
		.select({ value: count() })
		.from(consultantConversation)
		.where(and(eq(consultantConversation.status, 'waiting'), lt(consultantConversation.id, conversation.id)));
	return (row?.value ?? 0) + 1;
}
