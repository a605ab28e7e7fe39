import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { APPLICATION_STATUSES, isOpen, type ApplicationStatus } from '../../applications/status.ts';
import type { Actor } from '../access/actor.ts';
import { service } from '../catalog/schema.ts';
import type { Executor } from '../db/client.ts';
import type { QueueFilter } from './queue-filter.ts';
import { applicationTally } from './schema.ts';

const OPEN_STATUSES = APPLICATION_STATUSES.filter(isOpen);
const total = sql<number>`coalesce(sum(${applicationTally.delta}), 0)`.mapWith(Number);

/**
 * The part of the tally an actor reaches in the office, as `officeScope` draws it for applications:
 * the provider's services, and for an executor the applications assigned to them.
 */
function tallyScope(actor: Actor): SQL {
	if (actor.providerId === null) return sql`false`;
	const ofProvider = sql`${applicationTally.serviceId} = any(array(select ${service.id} from ${service} where ${service.providerId} = ${actor.providerId}))`;
	if (actor.role === 'supervisor' || actor.role === 'provider-admin') return ofProvider;
	if (actor.role === 'executor') return and(ofProvider, eq(applicationTally.executorId, actor.id))!;
	return sql`false`;
}

/** Sent applications per status within the actor's reach: the office's counters. */
export async function tallyByStatus(db: Executor, actor: Actor): Promise<Record<ApplicationStatus, number>> {
	const rows = await db.select({ status: applicationTally.status, total }).from(applicationTally).where(tallyScope(actor)).groupBy(applicationTally.status);
	const counts = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<ApplicationStatus, number>;
	for (const row of rows) counts[row.status] = row.total;
	return counts;
}

/**
 * How many applications the queue's filter finds, from the tally when the filter is only status,
 * service and executor; null when it needs the applications themselves (overdue, a search).
 */
export async function tallyOfFilter(db: Executor, actor: Actor, filter: QueueFilter): Promise<number | null> {
	if (filter.isOverdue || filter.query.trim() !== '') return null;
	const conditions: SQL[] = [tallyScope(actor)];
	if (filter.status === 'open') conditions.push(inArray(applicationTally.status, OPEN_STATUSES));
	else if (filter.status !== 'all') conditions.push(eq(applicationTally.status, filter.status));
	if (filter.serviceId !== null) conditions.push(eq(applicationTally.serviceId, filter.serviceId));
	if (filter.executor !== null) conditions.push(eq(applicationTally.executorId, filter.executor === 'none' ? 0 : filter.executor));
	const [row] = await db.select({ total }).from(applicationTally).where(and(...conditions));
	return row?.total ?? 0;
}

/** Open applications per executor among the given people: what a supervisor weighs when giving out work. */
export async function openWorkOf(db: Executor, executorIds: number[]): Promise<Map<number, number>> {
	if (executorIds.length === 0) return new Map();
	const rows = await db
		.select({ executorId: applicationTally.executorId, total })
		.from(applicationTally)
		.where(and(inArray(applicationTally.executorId, executorIds), inArray(applicationTally.status, OPEN_STATUSES)))
		.groupBy(applicationTally.executorId);
	return new Map(rows.map((row) => [row.executorId, row.total]));
}

/**
 * Folds the appended changes into one row per service, status and executor. Changes written while
 * it runs are not in its snapshot and stay as they are; two instances folding at once each fold
 * only rows the other has not taken, so the sums never change.
 */
export async function compactApplicationTally(db: Executor): Promise<void> {
	await db.execute(sql`
		with folded as (delete from ${applicationTally} returning service_id, status, executor_id, delta)
		insert into ${applicationTally} (service_id, status, executor_id, delta)
		select service_id, status, executor_id, sum(delta) from folded group by 1, 2, 3 having sum(delta) <> 0`);
}
