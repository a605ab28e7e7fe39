import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { APPLICATION_STATUSES, isOpen } from '../../applications/status.ts';
import { userAccount } from '../accounts/schema.ts';
import { application } from '../applications/schema.ts';
import type { Executor } from '../db/client.ts';

export interface ProviderExecutor {
	id: number;
	name: string;
	/** Open applications assigned to them now: what a supervisor weighs when giving out work. */
	openCount: number;
}

const OPEN_STATUSES = APPLICATION_STATUSES.filter(isOpen);

/** The provider's active executors, by name, with their open work. */
export async function listProviderExecutors(db: Executor, providerId: number): Promise<ProviderExecutor[]> {
	const rows = await db
		.select({
			id: userAccount.id,
			lastName: userAccount.lastName,
			firstName: userAccount.firstName,
			openCount: sql<number>`(${db
				.select({ n: count() })
				.from(application)
				.where(and(eq(application.assignedExecutorId, userAccount.id), inArray(application.status, OPEN_STATUSES)))})`.mapWith(Number)
		})
		.from(userAccount)
		.where(and(eq(userAccount.providerId, providerId), eq(userAccount.role, 'executor'), eq(userAccount.isActive, true)))
		.orderBy(asc(userAccount.lastName), asc(userAccount.firstName), asc(userAccount.id));
	return rows.map((row) => ({ id: row.id, name: `${row.lastName} ${row.firstName}`, openCount: row.openCount }));
}
