import { and, desc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { canConsult, isConversationVisitor, type Visitor } from '../access/consultant-policy.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { consultantConversation } from './schema.ts';

export type ConversationRow = typeof consultantConversation.$inferSelect;

/** A visitor comes back to their conversation for a day; after that the page starts afresh. */
export const VISITOR_RETURN_MS = 24 * 60 * 60 * 1000;

function visitorFilter(visitor: Visitor): SQL | undefined {
	const byAccount = visitor.userId !== null ? eq(consultantConversation.applicantUserId, visitor.userId) : undefined;
	const byToken = visitor.tokenHash !== null ? eq(consultantConversation.visitorTokenHash, visitor.tokenHash) : undefined;
	return byAccount && byToken ? or(byAccount, byToken) : (byAccount ?? byToken);
}

/** The visitor's latest conversation of the last day, or null; `forUpdate` locks it. */
export async function findVisitorConversation(db: Executor, visitor: Visitor, options: { now?: Date; forUpdate?: boolean } = {}): Promise<ConversationRow | null> {
	const filter = visitorFilter(visitor);
	if (!filter) return null;
	const since = new Date((options.now ?? new Date()).getTime() - VISITOR_RETURN_MS);
	const query = db
		.select()
		.from(consultantConversation)
		.where(and(filter, gt(consultantConversation.createdAt, since)))
		.orderBy(desc(consultantConversation.id))
		.limit(1);
	const [row] = options.forUpdate ? await query.for('update') : await query;
	// The filter already matched; the policy says it once more in the words every route uses.
	return row && isConversationVisitor(row, visitor) ? row : null;
}

/** A conversation as a consultant opens it, by its public id; anyone else gets "not found". */
export async function findConversationForConsultant(db: Executor, actor: Actor, publicId: string, options: { forUpdate?: boolean } = {}): Promise<ConversationRow> {
	if (!canConsult(actor) || !/^[0-9a-f-]{36}$/i.test(publicId)) throw new AppError('consultant.not_found');
	const query = db.select().from(consultantConversation).where(eq(consultantConversation.publicId, sql`${publicId}::uuid`)).limit(1);
	const [row] = options.forUpdate ? await query.for('update') : await query;
	if (!row) throw new AppError('consultant.not_found');
	return row;
}
