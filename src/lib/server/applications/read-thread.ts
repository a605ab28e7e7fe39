import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import { messageByKey } from '../../i18n/message-by-key.ts';
import type { Locale } from '../../i18n/localized.ts';
import type { Actor } from '../access/actor.ts';
import type { Executor } from '../db/client.ts';
import { findApplicationIn, type Area } from './find-own-application.ts';
import { applicationEvent, applicationMessage, applicationReadMark, messageAttachment } from './schema.ts';

export interface ThreadMessage {
	id: number;
	kind: 'system' | 'applicant' | 'staff' | 'note';
	isMine: boolean;
	text: string;
	/** For system messages, what happened (`application.rejected`), so a page can single one out. */
	event: string | null;
	createdAt: Date;
	/** A file sent with the message. */
	attachment: { id: string; name: string; sizeBytes: number } | null;
}

export interface TimelineEntry {
	action: string;
	toStatus: string;
	at: Date;
}

/**
 * The application's thread and status timeline, as the applicant (cabinet) or the provider's staff
 * (office, with their private notes) see it. Reading changes nothing: a
 * thread becomes read only through `markThreadRead`, called when the person has seen it.
 */
export async function readThread(db: Executor, user: Actor, number: string, locale: Locale, area: Area = 'cabinet'): Promise<{ messages: ThreadMessage[]; timeline: TimelineEntry[] }> {
	const row = await findApplicationIn(area, db, user, number);
	const [messages, timeline] = await Promise.all([
		messagesOf(db, user, row.id, { locale, area, afterId: 0 }),
		db
			.select({ action: applicationEvent.action, toStatus: applicationEvent.toStatus, at: applicationEvent.at })
			.from(applicationEvent)
			.where(eq(applicationEvent.applicationId, row.id))
			.orderBy(asc(applicationEvent.at), asc(applicationEvent.id))
	]);
	return { messages, timeline };
}

/**
 * The thread's messages after `afterId`, as this reader sees them: staff notes exist in the office
 * only, and system messages are kept as events so each reader gets them in their own language.
 */
export async function messagesOf(db: Executor, user: Pick<Actor, 'id'>, applicationId: number, options: { locale: Locale; area: Area; afterId: number }): Promise<ThreadMessage[]> {
	const rows = await db
		.select({ message: applicationMessage, attachment: { id: messageAttachment.id, name: messageAttachment.originalName, sizeBytes: messageAttachment.sizeBytes } })
		.from(applicationMessage)
		.leftJoin(messageAttachment, eq(messageAttachment.messageId, applicationMessage.id))
		.where(and(eq(applicationMessage.applicationId, applicationId), gt(applicationMessage.id, options.afterId), options.area === 'cabinet' ? ne(applicationMessage.kind, 'note') : undefined))
		.orderBy(asc(applicationMessage.id))
		.limit(5_000);
	return rows.map(({ message, attachment }) => ({
		id: message.id,
		kind: message.kind,
		isMine: message.authorUserId === user.id,
		text: message.kind === 'system' ? messageByKey(`thread_${(message.event ?? '').replace('.', '_')}`, message.params, options.locale) : (message.body ?? ''),
		event: message.kind === 'system' ? message.event : null,
		createdAt: message.createdAt,
		attachment: attachment?.id ? attachment : null
	}));
}

/**
 * Marks the thread read up to `upToMessageId` (the newest message the person was shown; by default
 * the newest there is): the envelope opens and the bell counts down. A mark never moves back.
 */
export async function markThreadRead(db: Executor, user: Actor, number: string, upToMessageId?: number, area: Area = 'cabinet'): Promise<void> {
	const row = await findApplicationIn(area, db, user, number);
	const [newest] = await db
		.select({ id: sql<number>`max(${applicationMessage.id})`.mapWith(Number) })
		.from(applicationMessage)
		.where(eq(applicationMessage.applicationId, row.id));
	if (!newest?.id) return;
	const readUpTo = upToMessageId === undefined ? newest.id : Math.min(upToMessageId, newest.id);
	await db
		.insert(applicationReadMark)
		.values({ applicationId: row.id, userId: user.id, lastReadMessageId: readUpTo })
		.onConflictDoUpdate({
			target: [applicationReadMark.applicationId, applicationReadMark.userId],
			set: { lastReadMessageId: sql`greatest(${applicationReadMark.lastReadMessageId}, excluded.last_read_message_id)` }
		});
}
