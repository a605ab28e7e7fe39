import type { Actor } from '../access/actor.ts';
import { isAssignedConsultant, type Visitor } from '../access/consultant-policy.ts';
import type { Database } from '../db/client.ts';
import { notifyConversation } from './conversation-events.ts';
import { findConversationForConsultant, findVisitorConversation } from './find-conversation.ts';

/** "Typing…" is only told, never stored: a notification to the other side's open page. */
export async function notifyVisitorTyping(db: Database, visitor: Visitor): Promise<void> {
	const conversation = await findVisitorConversation(db, visitor);
	if (conversation?.status === 'open') await notifyConversation(db, conversation.id, { typing: 'visitor' });
}

export async function notifyConsultantTyping(db: Database, actor: Actor, publicId: string): Promise<void> {
	const conversation = await findConversationForConsultant(db, actor, publicId);
	if (conversation.status === 'open' && isAssignedConsultant(conversation, actor)) await notifyConversation(db, conversation.id, { typing: 'consultant' });
}
