import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import type { Actor } from '../access/actor.ts';
import { canChangeStaffMember, managedStaffScope } from '../access/staff-policy.ts';
import { userAccount } from '../accounts/schema.ts';
import type { ShownText } from '../catalog/localize.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { listProviderServices } from '../office/list-provider-services.ts';
import { executorService, staffInvitation } from '../office/schema.ts';
import { staffState, type StaffRow } from './list-staff.ts';

export interface StaffMember extends Omit<StaffRow, 'openApplications'> {
	/** False for the admin's own account: nobody changes their own role or switches themselves off. */
	isChangeable: boolean;
	/** The provider's services, and whether this person works on each (for automatic assignment). */
	services: { id: number; title: ShownText; isLinked: boolean }[];
}

/** One person of the admin's provider; anyone else is not found, whatever the reason. */
export async function findStaffMember(db: Executor, actor: Actor, id: number, locale: Locale, now = new Date()): Promise<StaffMember> {
	if (!Number.isSafeInteger(id)) throw new AppError('staff.not_found');
	const [person] = await db
		.select({ account: userAccount, invitationExpiresAt: staffInvitation.expiresAt })
		.from(userAccount)
		.leftJoin(staffInvitation, and(eq(staffInvitation.userId, userAccount.id), isNull(staffInvitation.usedAt), gt(staffInvitation.expiresAt, now)))
		.where(and(eq(userAccount.id, id), managedStaffScope(actor)));
	if (!person) throw new AppError('staff.not_found');
	const account = person.account;
	const linked = new Set((await db.select({ serviceId: executorService.serviceId }).from(executorService).where(eq(executorService.userId, id))).map((row) => row.serviceId));
	const services = (await listProviderServices(db, actor.providerId!, locale)).map((service) => ({ ...service, isLinked: linked.has(service.id) }));
	return {
		id: account.id,
		name: [account.lastName, account.firstName, account.patronymic].filter(Boolean).join(' '),
		login: account.login,
		email: account.email,
		role: account.role,
		isProviderSigner: account.isProviderSigner,
		state: staffState(account),
		invitationExpiresAt: person.invitationExpiresAt,
		isChangeable: canChangeStaffMember(actor, account),
		services
	};
}
