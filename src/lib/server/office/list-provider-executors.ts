import { and, asc, eq } from 'drizzle-orm';
import { userAccount } from '../accounts/schema.ts';
import type { Executor } from '../db/client.ts';
import { openWorkOf, readTally, type TallyRow } from './application-tally.ts';

export interface ProviderExecutor {
	id: number;
	name: string;
	/** Open applications assigned to them now: what a supervisor weighs when giving out work. */
	openCount: number;
}

/**
 * The provider's active executors, by name, with their open work (from the tally, not a count of
 * applications): the provider's tally as the page has already read it, or read here.
 */
export async function listProviderExecutors(db: Executor, providerId: number, tally?: Promise<TallyRow[]>): Promise<ProviderExecutor[]> {
	const rows = await db
		.select({ id: userAccount.id, lastName: userAccount.lastName, firstName: userAccount.firstName })
		.from(userAccount)
		.where(and(eq(userAccount.providerId, providerId), eq(userAccount.role, 'executor'), eq(userAccount.isActive, true)))
		.orderBy(asc(userAccount.lastName), asc(userAccount.firstName), asc(userAccount.id));
	const open = openWorkOf(await (tally ?? readTally(db, { id: 0, role: 'supervisor', providerId })));
	return rows.map((row) => ({ id: row.id, name: `${row.lastName} ${row.firstName}`, openCount: open.get(row.id) ?? 0 }));
}
