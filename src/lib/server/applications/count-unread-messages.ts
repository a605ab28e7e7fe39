import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import type { Executor } from '../db/client.ts';
import { isApplicant } from '../access/actor.ts';
import { cabinetScope } from '../access/application-policy.ts';
import { application, applicationMessage, applicationReadMark } from './schema.ts';

/**
 * The bell's number: messages by others in the applicant's threads that they have not read.
 * Only threads whose newest message is past the reader's mark are looked into.
 */
export async function countUnreadMessages(db: Executor, user: SessionUser): Promise<number> {
	if (!isApplicant(user)) return 0;
	const readUpTo = sql`coalesce(${applicationReadMark.lastReadMessageId}, 0)`;
	const [row] = await db
		.select({ unread: count() })
		.from(application)
		.leftJoin(applicationReadMark, and(eq(applicationReadMark.applicationId, application.id), eq(applicationReadMark.userId, user.id)))
		.innerJoin(applicationMessage, and(eq(applicationMessage.applicationId, application.id), gt(applicationMessage.id, readUpTo)))
		.where(and(cabinetScope(user), gt(application.lastMessageId, readUpTo), sql`${applicationMessage.authorUserId} is distinct from ${user.id}`));
	return row?.unread ?? 0;
}
