import { and, asc, eq, inArray } from 'drizzle-orm';
import { APPLICATION_STATUSES, isOpen } from '../../applications/status.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { application } from '../applications/schema.ts';
import type { Executor } from '../db/client.ts';

const OPEN_STATUSES = APPLICATION_STATUSES.filter(isOpen);

/**
 * Inside the caller's transaction: the person's open applications go back to the supervisor's
 * queue (no executor), each through the transition table, so the thread and the applicant hear of
 * it and every instance's open pages are told. Returns how many were handed back.
 */
export async function releaseOpenWork(tx: Executor, userId: number, context: { actorUserId: number; ipAddress?: string; now: Date }): Promise<number> {
	const rows = await tx
		.select()
		.from(application)
		.where(and(eq(application.assignedExecutorId, userId), inArray(application.status, OPEN_STATUSES)))
		.orderBy(asc(application.id))
		.for('update');
	for (const row of rows) {
		await applyTransition(tx, row, { action: 'unassign', actor: 'system', actorUserId: null, ipAddress: context.ipAddress, now: context.now, changes: { assignedExecutorId: null } });
	}
	return rows.length;
}
