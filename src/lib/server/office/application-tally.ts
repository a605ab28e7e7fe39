import { and, eq, sql, type SQL } from 'drizzle-orm';
import { APPLICATION_STATUSES, isOpen, type ApplicationStatus } from '../../applications/status.ts';
import type { Actor } from '../access/actor.ts';
import { service } from '../catalog/schema.ts';
import type { Executor } from '../db/client.ts';
import type { QueueFilter } from './queue-filter.ts';
import { applicationTally } from './schema.ts';

const total = sql<number>`coalesce(sum(${applicationTally.delta}), 0)`.mapWith(Number);

/** Sent applications in one place: a service, a status and an executor (0 for nobody yet). */
export interface TallyRow {
	serviceId: number;
	status: ApplicationStatus;
	executorId: number;
	total: number;
}

/**
 * The part of the tally an actor reaches in the office, as `officeScope` draws it for applications:
 * the provider's services, and for an executor the applications assigned to them.
 */
function tallyScope(actor: Pick<Actor, 'id' | 'role' | 'providerId'>): SQL {
	if (actor.providerId === null) return sql`false`;
	const ofProvider = sql`${applicationTally.serviceId} = any(array(select ${service.id} from ${service} where ${service.providerId} = ${actor.providerId}))`;
	if (actor.role === 'supervisor' || actor.role === 'provider-admin') return ofProvider;
	if (actor.role === 'executor') return and(ofProvider, eq(applicationTally.executorId, actor.id))!;
	return sql`false`;
}

/**
 * Everything the office's numbers come from, in one read: the places within the actor's reach with
 * their sums. A few rows per service, however many applications there are; the counters, a filter's
 * total and each executor's open work are then worked out from them without asking again.
 */
export async function readTally(db: Executor, actor: Pick<Actor, 'id' | 'role' | 'providerId'>): Promise<TallyRow[]> {
	const rows = await db
		.select({ serviceId: applicationTally.serviceId, status: applicationTally.status, executorId: applicationTally.executorId, total })
		.from(applicationTally)
		.where(tallyScope(actor))
		.groupBy(applicationTally.serviceId, applicationTally.status, applicationTally.executorId);
	return rows.filter((row) => row.total !== 0);
}

/** Sent applications per status: the office's counters. */
export function countByStatus(tally: TallyRow[]): Record<ApplicationStatus, number> {
	const counts = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<ApplicationStatus, number>;
	for (const row of tally) counts[row.status] += row.total;
	return counts;
}

/**
 * How many applications the queue's filter finds, when the filter is only status, service and
 * executor; null when it needs the applications themselves (overdue, a search).
 */
export function countOfFilter(tally: TallyRow[], filter: QueueFilter): number | null {
	if (filter.isOverdue || filter.query.trim() !== '') return null;
	const executorId = filter.executor === 'none' ? 0 : filter.executor;
	return tally
		.filter(
			(row) =>
				(filter.status === 'all' || (filter.status === 'open' ? isOpen(row.status) : row.status === filter.status)) &&
				(filter.serviceId === null || row.serviceId === filter.serviceId) &&
				(executorId === null || row.executorId === executorId)
		)
		.reduce((sum, row) => sum + row.total, 0);
}

/** Open applications per executor: what a supervisor weighs when giving out work. */
export function openWorkOf(tally: TallyRow[]): Map<number, number> {
	const open = new Map<number, number>();
	for (const row of tally) if (row.executorId !== 0 && isOpen(row.status)) open.set(row.executorId, (open.get(row.executorId) ?? 0) + row.total);
	return open;
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
