import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { APPLICATION_STATUSES, isOpen } from '../../applications/status.ts';
import { userAccount } from '../accounts/schema.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { application } from '../applications/schema.ts';
import { service } from '../catalog/schema.ts';
import type { Executor } from '../db/client.ts';
import { executorService, serviceAssignment } from './schema.ts';

const OPEN_STATUSES = APPLICATION_STATUSES.filter(isOpen);

/**
 * Inside the transaction that sent an application: when its service assigns automatically, gives it
 * to the active executor of that service (of the provider, when the service has none) with the fewest open applications (the longest-serving first
 * among equals), as the portal itself. Returns the executor's id, or null when it waits for a
 * supervisor. Executors are locked while counted, so two sends at once do not both pick the same
 * least-busy person on stale counts.
 */
export async function assignAutomatically(tx: Executor, applicationId: number, now: Date): Promise<number | null> {
	const [row] = await tx.select().from(application).where(eq(application.id, applicationId));
	if (!row || row.status !== 'submitted' || row.assignedExecutorId !== null) return null;
	const [setting] = await tx
		.select({ isAutomatic: serviceAssignment.isAutomatic, providerId: service.providerId })
		.from(service)
		.leftJoin(serviceAssignment, eq(serviceAssignment.serviceId, service.id))
		.where(eq(service.id, row.serviceId));
	if (!setting?.isAutomatic) return null;
	const active = await tx
		.select({ id: userAccount.id, lastName: userAccount.lastName, firstName: userAccount.firstName })
		.from(userAccount)
		.where(and(eq(userAccount.providerId, setting.providerId), eq(userAccount.role, 'executor'), eq(userAccount.isActive, true)))
		.orderBy(asc(userAccount.id))
		.for('update');
	// The executors of this service when it has some (and one of them is working), else everyone's.
	const ofService = new Set((await tx.select({ userId: executorService.userId }).from(executorService).where(eq(executorService.serviceId, row.serviceId))).map((link) => link.userId));
	const linked = active.filter((person) => ofService.has(person.id));
	const executors = linked.length > 0 ? linked : active;
	if (executors.length === 0) return null;
	const load = await tx
		.select({ executorId: application.assignedExecutorId, open: sql<number>`count(*)`.mapWith(Number) })
		.from(application)
		.where(and(inArray(application.assignedExecutorId, executors.map((person) => person.id)), inArray(application.status, OPEN_STATUSES)))
		.groupBy(application.assignedExecutorId);
	const openOf = (id: number) => load.find((entry) => entry.executorId === id)?.open ?? 0;
	const chosen = executors.reduce((best, person) => (openOf(person.id) < openOf(best.id) ? person : best));
	await applyTransition(tx, row, { action: 'assign', actor: 'system', actorUserId: null, now, params: { executor: `${chosen.lastName} ${chosen.firstName}` }, changes: { assignedExecutorId: chosen.id } });
	return chosen.id;
}
