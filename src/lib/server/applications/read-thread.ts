import { asc, eq, sql } from 'drizzle-orm';
import { messageByKey } from '../../i18n/message-by-key.ts';
import type { Locale } from '../../i18n/localized.ts';
import type { SessionUser } from '../accounts/session.ts';
import type { Database } from '../db/client.ts';
import { findOwnApplication } from './find-own-application.ts';
import { applicationEvent, applicationMessage, applicationReadMark } from './schema.ts';

export interface ThreadMessage {
	id: number;
	kind: 'system' | 'applicant' | 'staff';
	isMine: boolean;
	text: string;
	createdAt: Date;
}

export interface TimelineEntry {
	action: string;
	toStatus: string;
	at: Date;
}

/**
 * The application's thread and status timeline for its applicant; reading it marks the thread
 * read (the envelope opens, the bell counts down).
 */
export async function readThread(db: Database, user: SessionUser, number: string, locale: Locale): Promise<{ messages: ThreadMessage[]; timeline: TimelineEntry[] }> {
	return db.transaction(async (tx) => {
		const row = await findOwnApplication(tx, user, number);
		const [messages, timeline] = await Promise.all([
			tx.select().from(applicationMessage).where(eq(applicationMessage.applicationId, row.id)).orderBy(asc(applicationMessage.id)),
			tx
				.select({ action: applicationEvent.action, toStatus: applicationEvent.toStatus, at: applicationEvent.at })
				.from(applicationEvent)
				.where(eq(applicationEvent.applicationId, row.id))
				.orderBy(asc(applicationEvent.at), asc(applicationEvent.id))
		]);
		const newest = messages.at(-1)?.id;
		if (newest !== undefined) {
			await tx
				.insert(applicationReadMark)
				.values({ applicationId: row.id, userId: user.id, lastReadMessageId: newest })
				.onConflictDoUpdate({
					target: [applicationReadMark.applicationId, applicationReadMark.userId],
					set: { lastReadMessageId: sql`greatest(${applicationReadMark.lastReadMessageId}, excluded.last_read_message_id)` }
				});
		}
		return {
			messages: messages.map((message) => ({
				id: message.id,
				kind: message.kind,
				isMine: message.authorUserId === user.id,
				// System messages are kept as events, so each reader gets them in their own language.
				text: message.kind === 'system' ? messageByKey(`thread_${(message.event ?? '').replace('.', '_')}`, message.params, locale) : (message.body ?? ''),
				createdAt: message.createdAt
			})),
			timeline
		};
	});
}
