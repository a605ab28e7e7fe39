/**
 * The life of an application: its statuses and the one table of what may happen to it — who may
 * take which action, from which status, and where it leads. Every change to an application's
 * status, and every office action that leaves the status as it is (assigning, issuing a document,
 * a notice by hand), is looked up here first.
 */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_progress', 'returned', 'awaiting_signature', 'completed', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * Who acts: the applicant, staff of the provider by the part they play (the executor is the one
 * assigned to the application), or the portal itself (a signature arriving, a person leaving).
 */
export const ACTORS = ['applicant', 'supervisor', 'executor', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

export interface Transition {
	action: string;
	from: readonly ApplicationStatus[];
	/** Where the action leads; `null` for actions that leave the status as it was. */
	to: ApplicationStatus | null;
	by: readonly Actor[];
}

const OPEN: readonly ApplicationStatus[] = ['submitted', 'in_progress', 'returned', 'awaiting_signature'];

/** An action appears in more than one row when who may take it depends on the status it starts from. */
export const TRANSITIONS = [
	{ action: 'submit', from: ['draft'], to: 'submitted', by: ['applicant'] },
	// Giving it to an executor (or to another one) does not start the work: the executor takes it.
	{ action: 'assign', from: OPEN, to: null, by: ['supervisor'] },
	// A service set to assign automatically gives a sent application to an executor at once.
	{ action: 'assign', from: ['submitted'], to: null, by: ['system'] },
	{ action: 'take', from: ['submitted'], to: 'in_progress', by: ['executor'] },
	{ action: 'return', from: ['in_progress'], to: 'returned', by: ['executor', 'supervisor'] },
	{ action: 'resubmit', from: ['returned'], to: 'in_progress', by: ['applicant'] },
	{ action: 'issue_document', from: ['in_progress'], to: null, by: ['executor'] },
	{ action: 'request_signature', from: ['in_progress'], to: 'awaiting_signature', by: ['executor'] },
	// Each party of a document's plan signs in its turn: the applicant in the cabinet, the provider
	// from the office through staff who hold its right to sign (the access policy checks that right).
	{ action: 'sign', from: ['awaiting_signature'], to: null, by: ['applicant', 'executor', 'supervisor'] },
	{ action: 'complete', from: ['in_progress'], to: 'completed', by: ['executor'] },
	// Only the last required signature completes a document sent for signing.
	{ action: 'complete', from: ['awaiting_signature'], to: 'completed', by: ['system'] },
	{ action: 'reject', from: ['submitted', 'in_progress', 'awaiting_signature'], to: 'rejected', by: ['executor', 'supervisor'] },
	// An applicant may take an application back until a decision is made on it.
	{ action: 'withdraw', from: ['submitted', 'in_progress', 'returned'], to: 'withdrawn', by: ['applicant'] },
	{ action: 'notify', from: OPEN, to: null, by: ['executor', 'supervisor'] },
	// A person who leaves the provider hands their open work back to the supervisor's queue.
	{ action: 'unassign', from: OPEN, to: null, by: ['system', 'supervisor'] }
] as const satisfies readonly Transition[];

export type TransitionAction = (typeof TRANSITIONS)[number]['action'];

export const TRANSITION_ACTIONS: readonly TransitionAction[] = [...new Set(TRANSITIONS.map((t) => t.action))];

export const FINAL_STATUSES: readonly ApplicationStatus[] = ['completed', 'rejected', 'withdrawn'];

export function isTransitionAction(value: string): value is TransitionAction {
	return (TRANSITION_ACTIONS as readonly string[]).includes(value);
}

/** The row allowing `action` from `status` by `actor`, or null when the table does not allow it. */
export function findTransition(action: string, status: ApplicationStatus, actor: Actor): Transition | null {
	return TRANSITIONS.find((t) => t.action === action && (t.from as readonly string[]).includes(status) && (t.by as readonly string[]).includes(actor)) ?? null;
}

/** The status an allowed transition leaves the application in. */
export function statusAfter(transition: Transition, status: ApplicationStatus): ApplicationStatus {
	return transition.to ?? status;
}

/** Actions `actor` may take on an application in `status`, in the table's order, for showing only the buttons that work. */
export function availableActions(status: ApplicationStatus, actor: Actor): TransitionAction[] {
	return TRANSITION_ACTIONS.filter((action) => findTransition(action, status, actor) !== null);
}

/** While the application waits on the applicant, the provider's clock stands still. */
export function isWaitingOnApplicant(status: ApplicationStatus): boolean {
	return status === 'returned' || status === 'awaiting_signature';
}

export function isOpen(status: ApplicationStatus): boolean {
	return OPEN.includes(status);
}
