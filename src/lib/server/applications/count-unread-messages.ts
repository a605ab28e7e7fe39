import { sql } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import type { Executor } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';

/**
 * The bell's number: messages by others in the applicant's threads that they have not read.
 * Only threads whose newest message is past the reader's mark are looked into.
 */
export async function countUnreadMessages(db: Executor, user: SessionUser): Promise<number> {
	if (user.role !== 'applicant') return 0;
	const owner = user.kind === 'legal_entity' ? sql`a.organisation_bin = ${user.login}` : sql`a.applicant_user_id = ${user.id}`;
	const [row] = await queryRows<{ unread: number | string }>(
		db,
		sql`select count(*)::int as unread
		    from application a
		    left join application_read_mark r on r.application_id = a.id and r.user_id = ${user.id}
		    join application_message m on m.application_id = a.id and m.id > coalesce(r.last_read_message_id, 0)
		    where ${owner} and a.last_message_id > coalesce(r.last_read_message_id, 0)
		      and m.author_user_id is distinct from ${user.id}`
	);
	return Number(row?.unread ?? 0);
}
