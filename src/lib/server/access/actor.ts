import type { Role } from '../accounts/schema.ts';

/**
 * Who is acting, as far as access is concerned: the signed-in person's id, role, login (IIN/BIN),
 * kind and provider. A `SessionUser` is one; tests and scripts can build one without a session.
 */
export interface Actor {
	id: number;
	role: Role;
	kind: 'individual' | 'legal_entity';
	login: string;
	providerId: number | null;
	/** May sign result documents for the provider (staff only; absent means no). */
	isProviderSigner?: boolean;
}

/** Staff of a provider organisation or of the portal; everyone else is an applicant. */
export const STAFF_ROLES = ['supervisor', 'executor', 'consultant', 'provider-admin', 'platform-admin'] as const satisfies readonly Role[];

export function isStaff(actor: Pick<Actor, 'role'>): boolean {
	return actor.role !== 'applicant';
}

/** Staff hold other people's data: their second factor is an authenticator app, never an SMS code. */
export function needsAuthenticator(actor: Pick<Actor, 'role'>): boolean {
	return isStaff(actor);
}

/** Only applicants order services, keep a cabinet, get a bell and may stay signed in for 30 days. */
export function isApplicant(actor: Pick<Actor, 'role'>): boolean {
	return actor.role === 'applicant';
}

/** The office is for the staff who work on a provider's applications. */
export function canUseOffice(actor: Pick<Actor, 'role' | 'providerId'>): boolean {
	return actor.providerId !== null && (actor.role === 'supervisor' || actor.role === 'executor' || actor.role === 'provider-admin');
}

/** Supervisors (and the provider's admin) distribute the provider's work; executors see their own. */
export function isSupervising(actor: Pick<Actor, 'role'>): boolean {
	return actor.role === 'supervisor' || actor.role === 'provider-admin';
}
