import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import { userAccount } from '../accounts/schema.ts';
import type { Database } from '../db/client.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { unreadMessageReminder } from '../notifications/templates.ts';
import { application, applicationMessage, applicationReadMark } from './schema.ts';

/** Applications reminded in one transaction: short enough not to hold their rows for long. */
export const REMINDER_BATCH_SIZE = 100;
/**
 * Only messages that went unread past the quiet period within this window are reminded of. Turning
 * reminders on (or back on after a pause) must not send a burst of SMS about messages from months
 * ago; and the window bounds the work of each round (a week of staff messages, read from their index).
 */
export const REMINDER_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

/** The absolute address of an application's thread in the applicant's cabinet, in their language. */
export type ApplicationThreadLink = (locale: Locale, number: string) => string;

export interface RemindInput {
	now: Date;
	/** The quiet period: how long the oldest unread message has waited before the applicant is told. */
	minutes: number;
	threadLink: ApplicationThreadLink;
	batchSize?: number;
}

/**
 * Tells applicants by their chosen channel (SMS or email) that the provider wrote to them and the
 * message is still unread after `minutes`: one reminder per quiet period, not one per message. A
 * reminder records the newest message it covers (`remindedUpToMessageId`); the next one waits until
 * the applicant has read up to there, so messages that keep coming while they stay away bring no
 * more reminders. Returns how many applicants were reminded.
 *
 * Only messages from the provider's staff count. System messages (a new status, an executor
 * assigned, a notice) each reach the applicant by SMS or email when they are written, so a reminder
 * about them would tell the same thing twice; notes are never shown to the applicant; the
 * applicant's own messages are no news to them.
 */
export async function remindUnreadMessages(db: Database, input: RemindInput): Promise<number> {
	if (input.minutes <= 0) return 0;
	const batchSize = input.batchSize ?? REMINDER_BATCH_SIZE;
	let reminded = 0;
	for (;;) {
		const count = await remindBatch(db, input, batchSize);
		reminded += count;
		// A short batch: nothing more is due, or another instance holds or has just sent the rest.
		if (count < batchSize) return reminded;
	}
}

async function remindBatch(db: Database, input: RemindInput, batchSize: number): Promise<number> {
	const quietSince = new Date(input.now.getTime() - input.minutes * 60_000);
	const lookbackFrom = new Date(quietSince.getTime() - REMINDER_LOOKBACK_MS);
	return db.transaction(async (tx) => {
		const readUpTo = sql<number>`coalesce(${applicationReadMark.lastReadMessageId}, 0)`;
		const isInWindow = and(eq(applicationMessage.kind, 'staff'), lte(applicationMessage.createdAt, quietSince), gt(applicationMessage.createdAt, lookbackFrom));
		// Threads the provider wrote to within the window come from the staff-message index, so a round
		// costs what a week's messages do, not what every application ever sent does. Of those, the
		// thread's newest-message marker against the applicant's read mark keeps the ones with
		// something unread, as the bell does; only these are looked into, from the read mark on.
		const recentlyWritten = tx.selectDistinct({ applicationId: applicationMessage.applicationId }).from(applicationMessage).where(isInWindow);
		const due = tx
			.select({
				applicationId: application.id,
				userId: application.applicantUserId,
				lastReadMessageId: sql<number>`${readUpTo}`.as('last_read_message_id'),
				remindedUpToMessageId: application.lastMessageId,
				remindedAt: sql<Date>`${input.now.toISOString()}::timestamptz`.as('reminded_at')
			})
			.from(application)
			.innerJoin(userAccount, and(eq(userAccount.id, application.applicantUserId), eq(userAccount.isActive, true)))
			.leftJoin(applicationReadMark, and(eq(applicationReadMark.applicationId, application.id), eq(applicationReadMark.userId, application.applicantUserId)))
			.where(
				and(
					// As an array, so the applications are fetched by their key whatever the planner guesses.
					sql`${application.id} = any(array(${recentlyWritten}))`,
					gt(application.lastMessageId, readUpTo),
					or(isNull(applicationReadMark.remindedUpToMessageId), sql`${applicationReadMark.lastReadMessageId} >= ${applicationReadMark.remindedUpToMessageId}`),
					sql`exists (select 1 from ${applicationMessage} where ${and(eq(applicationMessage.applicationId, application.id), gt(applicationMessage.id, readUpTo), isInWindow)})`
				)
			)
			.limit(batchSize)
			// Another instance running the same round skips the applications this one holds instead of
			// waiting for them; a message posted meanwhile waits too, so the thread's newest message
			// stays the one the reminder records.
			.for('update', { of: application, skipLocked: true });
		// The claim itself: the read mark changes only if, as it stands now, the applicant has still
		// not read the thread and was not reminded since they last read. The query above read an
		// earlier snapshot, and another instance may have reminded in between: that one's mark makes
		// this condition false, so the row is not returned and no second reminder is queued.
		const claimed = await tx
			.insert(applicationReadMark)
			.select(due)
			.onConflictDoUpdate({
				target: [applicationReadMark.applicationId, applicationReadMark.userId],
				set: { remindedUpToMessageId: sql`excluded.reminded_up_to_message_id`, remindedAt: sql`excluded.reminded_at` },
				setWhere: sql`${applicationReadMark.lastReadMessageId} < excluded.reminded_up_to_message_id and (${applicationReadMark.remindedUpToMessageId} is null or ${applicationReadMark.lastReadMessageId} >= ${applicationReadMark.remindedUpToMessageId})`
			})
			.returning({ applicationId: applicationReadMark.applicationId });
		if (claimed.length === 0) return 0;

		const recipients = await tx
			.select({ number: application.number, channel: userAccount.notificationChannel, phone: userAccount.phone, email: userAccount.email, locale: userAccount.locale })
			.from(application)
			.innerJoin(userAccount, eq(userAccount.id, application.applicantUserId))
			.where(inArray(application.id, claimed.map((row) => row.applicationId)));
		// The same choice of channel as status notifications: email when chosen and known, else SMS.
		// No audit event: notifications are not audited anywhere; the outbox row records the delivery.
		for (const recipient of recipients) {
			const link = input.threadLink(recipient.locale, recipient.number);
			const notice = (channel: 'sms' | 'email') => unreadMessageReminder(recipient.locale, { channel, number: recipient.number, link });
			if (recipient.channel === 'email' && recipient.email) await enqueueMessage(tx, { to: recipient.email, ...notice('email') });
			else if (recipient.phone) await enqueueMessage(tx, { to: recipient.phone, ...notice('sms') });
		}
		return claimed.length;
	});
}
