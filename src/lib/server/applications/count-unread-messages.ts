import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import type { Executor } from '../db/client.ts';
import { preparedPerDatabase } from '../db/prepared.ts';
import { isApplicant } from '../access/actor.ts';
import { cabinetScope } from '../access/application-policy.ts';
import { application, applicationMessage, applicationReadMark } from './schema.ts';

/**
 * The bell's query for one kind of applicant, built once: it runs on every signed-in page. The
 * cabinet's rule is applied to an applicant whose id and login are placeholders, so the condition
 * is the policy's own and the values are bound at each call.
 */
const unreadQuery = (kind: SessionUser['kind']) =>
	preparedPerDatabase((db) => {
		const userId = sql.placeholder('userId');
		const applicant = { role: 'applicant', kind, id: userId as unknown as number, login: sql.placeholder('login') as unknown as string, providerId: null } as const;
		const readUpTo = sql`coalesce(${applicationReadMark.lastReadMessageId}, 0)`;
		return db
			.select({ unread: count() })
			.from(application)
			.leftJoin(applicationReadMark, and(eq(applicationReadMark.applicationId, application.id), eq(applicationReadMark.userId, userId)))
			.innerJoin(applicationMessage, and(eq(applicationMessage.applicationId, application.id), gt(applicationMessage.id, readUpTo), ne(applicationMessage.kind, 'note')))
			.where(and(cabinetScope(applicant), gt(application.lastMessageId, readUpTo), sql`${applicationMessage.authorUserId} is distinct from ${userId}`))
			.prepare(`unread_messages_${kind}`);
	});
const unreadBy = { individual: unreadQuery('individual'), legal_entity: unreadQuery('legal_entity') };

/**
 * The bell's number: messages by others in the applicant's threads that they have not read.
 * Only threads whose newest message is past the reader's mark are looked into.
 */
export async function countUnreadMessages(db: Executor, user: SessionUser): Promise<number> {
	if (!isApplicant(user)) return 0;
	const [row] = await unreadBy[user.kind](db).execute({ userId: user.id, login: user.login });
	return row?.unread ?? 0;
}
