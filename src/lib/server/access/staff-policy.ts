import { and, eq, ne, type SQL } from 'drizzle-orm';
import { userAccount, type Role } from '../accounts/schema.ts';
import type { Actor } from './actor.ts';

/**
 * Who may manage which staff accounts, in one place. A provider admin manages the people of their
 * own provider and nobody else; they never change their own role or switch themselves off, so a
 * provider always keeps the admin who is looking at the page.
 */

/** The roles a provider admin hands out: the provider's own work. Consultants and platform admins belong to the portal. */
export const PROVIDER_ROLES = ['supervisor', 'executor', 'provider-admin'] as const satisfies readonly Role[];
export type ProviderRole = (typeof PROVIDER_ROLES)[number];

export function isProviderRole(value: unknown): value is ProviderRole {
	return (PROVIDER_ROLES as readonly unknown[]).includes(value);
}

export function canManageStaff(actor: Pick<Actor, 'role' | 'providerId'>): boolean {
	return actor.role === 'provider-admin' && actor.providerId !== null;
}

/** The staff accounts an actor manages, as a condition on `user_account`. */
export function managedStaffScope(actor: Pick<Actor, 'role' | 'providerId'>): SQL | undefined {
	if (!canManageStaff(actor)) return eq(userAccount.id, -1);
	return and(eq(userAccount.providerId, actor.providerId!), ne(userAccount.role, 'applicant'));
}

export function isManagedStaff(actor: Pick<Actor, 'role' | 'providerId'>, person: { providerId: number | null; role: Role }): boolean {
	return canManageStaff(actor) && person.providerId === actor.providerId && person.role !== 'applicant';
}

/** Changing a role or the account's state: anyone the actor manages except themselves. */
export function canChangeStaffMember(actor: Pick<Actor, 'id' | 'role' | 'providerId'>, person: { id: number; providerId: number | null; role: Role }): boolean {
	return isManagedStaff(actor, person) && person.id !== actor.id;
}

/** The provider's right to sign goes to those who work on its applications in the office. */
export function canHoldSigningRight(role: Role): boolean {
	return isProviderRole(role);
}
