import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../db/client.ts';
import { createKeyedEvents, type KeyedEvents } from '../realtime/keyed-events.ts';

export const CONSULTANT_EVENT_CHANNEL = 'consultant_events';
/** The key every queue page listens on; a conversation's pages listen on `conversationKey(id)`. */
export const QUEUE_KEY = 'queue';
export const conversationKey = (id: number) => `c${id}`;

/** What a notification tells its listeners beyond "look again": who is typing, for the other side. */
export type ConversationDetail = { typing: 'visitor' | 'consultant' | null };

/**
 * Tells the conversation's pages (and, when `queue`, every consultant's queue) that something
 * changed. Called inside the transaction of the change, so it is heard only once that commits.
 */
export async function notifyConversation(tx: Executor, conversationId: number, options: { queue?: boolean; typing?: 'visitor' | 'consultant' } = {}): Promise<void> {
	await tx.execute(sql`select pg_notify(${CONSULTANT_EVENT_CHANNEL}, ${JSON.stringify({ c: conversationId, q: options.queue === true, t: options.typing ?? null })})`);
}

export function createConsultantEvents(handle: Pick<DatabaseHandle, 'listen'>): KeyedEvents<ConversationDetail> {
	return createKeyedEvents<ConversationDetail>(handle, CONSULTANT_EVENT_CHANNEL, (payload) => {
		const { c, q, t } = JSON.parse(payload) as { c?: unknown; q?: unknown; t?: unknown };
		if (typeof c !== 'number') return null;
		return { keys: q === true ? [conversationKey(c), QUEUE_KEY] : [conversationKey(c)], detail: { typing: t === 'visitor' || t === 'consultant' ? t : null } };
	});
}
