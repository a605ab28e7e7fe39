import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { allowedTransitions, officeScope } from '../access/application-policy.ts';
import { userAccount } from '../accounts/schema.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { application } from '../applications/schema.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';

/** Most applications one form may give out at once: a page of the queue and then some. */
export const MAX_ASSIGNED_AT_ONCE = 100;

export interface AssignInput {
	numbers: string[];
	executorId: number;
	ipAddress?: string;
	now?: Date;
}

export interface AssignOutcome {
	/** Given to the executor now. */
	assigned: string[];
	/** Already theirs: nothing was written. */
	unchanged: string[];
}

/**
 * Gives applications of the supervisor's provider to one of its active executors, all or none, in
 * one transaction: each is locked and checked against the access policy and the transition table,
 * then gets its executor, a line in the thread, the applicant's notice and an audit event. Numbers
 * outside the supervisor's reach are refused as not found, whatever the reason, so none can be probed.
 */
export async function assignExecutor(db: Database, actor: Actor, input: AssignInput): Promise<AssignOutcome> {
	const numbers = [...new Set(input.numbers)];
	if (numbers.length === 0 || numbers.length > MAX_ASSIGNED_AT_ONCE) throw new AppError('office.nothing_selected');
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const [person] = await tx
			.select({ id: userAccount.id, lastName: userAccount.lastName, firstName: userAccount.firstName })
			.from(userAccount)
			.where(and(eq(userAccount.id, input.executorId), eq(userAccount.role, 'executor'), eq(userAccount.isActive, true), eq(userAccount.providerId, actor.providerId ?? -1)));
		if (!person) throw new AppError('office.executor_not_found');

		// In a fixed order, so two supervisors assigning overlapping selections never deadlock.
		const rows = await tx
			.select()
			.from(application)
			.where(and(inArray(application.number, numbers), officeScope(actor)))
			.orderBy(asc(application.id))
			.for('update');
		if (rows.length !== numbers.length) {
			const found = new Set(rows.map((row) => row.number));
			console.warn(`[access] user ${actor.id} was refused applications ${numbers.filter((n) => !found.has(n)).slice(0, 5).join(', ')}`);
			throw new AppError('application.not_found');
		}
		const outcome: AssignOutcome = { assigned: [], unchanged: [] };
		for (const row of rows) {
			if (row.assignedExecutorId === person.id) {
				outcome.unchanged.push(row.number);
				continue;
			}
			if (!allowedTransitions(actor, row.status).includes('assign')) throw new AppError('application.transition_not_allowed');
			await applyTransition(tx, row, {
				action: 'assign',
				actor: 'supervisor',
				actorUserId: actor.id,
				ipAddress: input.ipAddress,
				now,
				params: { executor: `${person.lastName} ${person.firstName}` },
				changes: { assignedExecutorId: person.id }
			});
			outcome.assigned.push(row.number);
		}
		return outcome;
	});
}
