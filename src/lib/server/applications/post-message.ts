import { eq, sql } from 'drizzle-orm';
import { multiLineText } from '../../schemas/text.ts';
import type { Actor } from '../access/actor.ts';
import { isApplicant } from '../access/actor.ts';
import { officeRole } from '../access/application-policy.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { APPLICATION_EVENT_CHANNEL } from './apply-transition.ts';
import { findApplicationIn, type Area } from './find-own-application.ts';
import { application, applicationMessage, applicationReadMark } from './schema.ts';

export const MESSAGE_MAX_LENGTH = 4000;

export type PostMessageOutcome = { status: 'posted'; id: number } | { status: 'invalid'; error: string };

/**
 * A message in an application's thread: from the applicant in the cabinet, from the provider's
 * staff in the office, or a staff note that only the office sees. The thread exists once the
 * application is sent. In one transaction: the message, the thread's newest-message marker (not for
 * notes, so the applicant's envelope never opens on something they cannot read), the author's read
 * mark, and the realtime event for open pages.
 */
export async function postMessage(db: Database, actor: Actor, input: { number: string; area: Area; text: string; isNote?: boolean; now?: Date }): Promise<PostMessageOutcome> {
	const text = multiLineText(MESSAGE_MAX_LENGTH).safeParse(input.text);
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const row = await findApplicationIn(input.area, tx, actor, input.number, { forUpdate: true });
		if (row.status === 'draft') throw new AppError('application.not_editable');
		const kind = input.area === 'cabinet' ? 'applicant' : input.isNote ? 'note' : 'staff';
		if (input.area === 'cabinet' ? !isApplicant(actor) : officeRole(actor) === null) throw new AppError('application.not_found');
		if (!text.success) return { status: 'invalid', error: text.error.issues[0]!.message };
		const [message] = await tx
			.insert(applicationMessage)
			.values({ applicationId: row.id, kind, authorUserId: actor.id, body: text.data, createdAt: now })
			.returning({ id: applicationMessage.id });
		if (kind !== 'note') await tx.update(application).set({ lastMessageId: message!.id, updatedAt: now }).where(eq(application.id, row.id));
		await tx
			.insert(applicationReadMark)
			.values({ applicationId: row.id, userId: actor.id, lastReadMessageId: message!.id })
			.onConflictDoUpdate({
				target: [applicationReadMark.applicationId, applicationReadMark.userId],
				set: { lastReadMessageId: sql`greatest(${applicationReadMark.lastReadMessageId}, excluded.last_read_message_id)` }
			});
		await tx.execute(sql`select pg_notify(${APPLICATION_EVENT_CHANNEL}, ${JSON.stringify({ applicationId: row.id, messageId: message!.id, isNote: kind === 'note' })})`);
		return { status: 'posted', id: message!.id };
	});
}
