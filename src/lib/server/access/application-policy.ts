import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { availableActions, type ApplicationStatus, type TransitionAction } from '../../applications/status.ts';
import { application } from '../applications/schema.ts';
import { service } from '../catalog/schema.ts';
import { isApplicant, type Actor } from './actor.ts';

/**
 * Who may see and do what with an application, in one place. Each rule exists twice, in step: as a
 * SQL condition for lists and lookups (so nothing out of reach is ever read), and as a check on a
 * row already read.
 *
 * - In the cabinet, an applicant reaches their own applications; for a legal entity, everyone who
 *   represents its BIN reaches the company's. Staff never use the cabinet for work, even with a BIN.
 * - In the office, staff of the provider whose service it is reach its sent applications (drafts
 *   stay private to the applicant): supervisors and provider admins all of them, executors those
 *   assigned to them. Consultants and platform admins do not work on applications.
 */

type ApplicationRef = Pick<typeof application.$inferSelect, 'applicantUserId' | 'organisationBin' | 'status' | 'assignedExecutorId'>;

/** The applications an actor reaches in the cabinet, as a condition on `application`. */
export function cabinetScope(actor: Actor): SQL {
	if (!isApplicant(actor)) return sql`false`;
	return actor.kind === 'legal_entity' ? eq(application.organisationBin, actor.login) : eq(application.applicantUserId, actor.id);
}

export function isInCabinetScope(actor: Actor, row: ApplicationRef): boolean {
	if (!isApplicant(actor)) return false;
	return actor.kind === 'legal_entity' ? row.organisationBin === actor.login : row.applicantUserId === actor.id;
}

/** The applications an actor works on in the office, as a condition on `application`. */
export function officeScope(actor: Actor): SQL {
	if (actor.providerId === null) return sql`false`;
	const ofProvider = and(ofProviderServices(actor.providerId), ne(application.status, 'draft'))!;
	switch (actor.role) {
		case 'supervisor':
		case 'provider-admin':
			return ofProvider;
		case 'executor':
			return and(ofProvider, eq(application.assignedExecutorId, actor.id))!;
		default:
			return sql`false`;
	}
}

/**
 * Applications for one of the provider's services. Written as `= any(array(…))`: PostgreSQL then
 * reads the few service ids first and looks each up in the application indexes, where `in (select …)`
 * was planned as a hash join over every provider's applications.
 */
function ofProviderServices(providerId: number): SQL {
	return sql`${application.serviceId} = any(array(select ${service.id} from ${service} where ${service.providerId} = ${providerId}))`;
}

export function isInOfficeScope(actor: Actor, row: ApplicationRef & { providerId: number }): boolean {
	if (actor.providerId === null || row.providerId !== actor.providerId || row.status === 'draft') return false;
	if (actor.role === 'supervisor' || actor.role === 'provider-admin') return true;
	return actor.role === 'executor' && row.assignedExecutorId === actor.id;
}

/** The part a staff member plays in the transition table, or null for those who do not work on applications. */
export function officeRole(actor: Actor): 'supervisor' | 'executor' | null {
	const role = transitionRole(actor);
	return role === 'applicant' ? null : role;
}

/** The part an actor plays in the transition table for an application they reach. */
function transitionRole(actor: Actor): 'applicant' | 'supervisor' | 'executor' | null {
	if (isApplicant(actor)) return 'applicant';
	if (actor.role === 'supervisor' || actor.role === 'provider-admin') return 'supervisor';
	if (actor.role === 'executor') return 'executor';
	return null;
}

/** Transitions the actor may make on an application in `status` that they already reach. */
export function allowedTransitions(actor: Actor, status: ApplicationStatus): TransitionAction[] {
	const role = transitionRole(actor);
	if (!role) return [];
	const actions = availableActions(status, role);
	// In the office, signing is for those who hold the provider's right to sign, whatever their role.
	return role === 'applicant' || canSignForProvider(actor) ? actions : actions.filter((action) => action !== 'sign');
}

/** Staff who sign result documents for their provider with an EDS under its BIN. */
export function canSignForProvider(actor: Actor): boolean {
	return actor.isProviderSigner === true && officeRole(actor) !== null;
}

/** Answers, files, Send and deleting the draft: the applicant's own drafts only. */
export function canEditDraft(actor: Actor, row: ApplicationRef): boolean {
	return isInCabinetScope(actor, row) && row.status === 'draft';
}
