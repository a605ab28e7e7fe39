import { and, asc, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { APPLICATION_STATUSES, isOpen } from '../../applications/status.ts';
import type { Actor } from '../access/actor.ts';
import { managedStaffScope } from '../access/staff-policy.ts';
import { userAccount, type Role } from '../accounts/schema.ts';
import { application } from '../applications/schema.ts';
import type { Executor } from '../db/client.ts';
import { staffInvitation } from '../office/schema.ts';

const OPEN_STATUSES = APPLICATION_STATUSES.filter(isOpen);

/** Invited: waits for its invitation to be used; deactivated: turned off by an admin. */
export type StaffState = 'active' | 'invited' | 'deactivated';

export interface StaffRow {
	id: number;
	name: string;
	login: string;
	email: string | null;
	role: Role;
	/** Signs result documents for the provider. */
	isProviderSigner: boolean;
	state: StaffState;
	/** An invited person's link stops working then; null when it has already expired. */
	invitationExpiresAt: Date | null;
	openApplications: number;
}

export function staffState(person: { isActive: boolean; deactivatedAt: Date | null }): StaffState {
	if (person.isActive) return 'active';
	return person.deactivatedAt ? 'deactivated' : 'invited';
}

/** The provider's people as its admin manages them: active first, then by name. */
export async function listStaff(db: Executor, actor: Actor, now = new Date()): Promise<StaffRow[]> {
	const people = await db
		.select({
			id: userAccount.id,
			lastName: userAccount.lastName,
			firstName: userAccount.firstName,
			patronymic: userAccount.patronymic,
			login: userAccount.login,
			email: userAccount.email,
			role: userAccount.role,
			isProviderSigner: userAccount.isProviderSigner,
			isActive: userAccount.isActive,
			deactivatedAt: userAccount.deactivatedAt,
			invitationExpiresAt: staffInvitation.expiresAt
		})
		.from(userAccount)
		.leftJoin(staffInvitation, and(eq(staffInvitation.userId, userAccount.id), isNull(staffInvitation.usedAt), gt(staffInvitation.expiresAt, now)))
		.where(managedStaffScope(actor))
		.orderBy(sql`${userAccount.isActive} desc`, asc(userAccount.lastName), asc(userAccount.firstName), asc(userAccount.id));
	const ids = people.map((person) => person.id);
	const load =
		ids.length === 0
			? []
			: await db
					.select({ executorId: application.assignedExecutorId, open: count() })
					.from(application)
					.where(and(inArray(application.assignedExecutorId, ids), inArray(application.status, OPEN_STATUSES)))
					.groupBy(application.assignedExecutorId);
	return people.map((person) => ({
		id: person.id,
		name: [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' '),
		login: person.login,
		email: person.email,
		role: person.role,
		isProviderSigner: person.isProviderSigner,
		state: staffState(person),
		invitationExpiresAt: person.invitationExpiresAt,
		openApplications: load.find((entry) => entry.executorId === person.id)?.open ?? 0
	}));
}
