/**
 * The life of an application: its statuses and the one table of transitions between them — who
 * may trigger which move, from which status. Every status change in the portal goes through it.
 */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_progress', 'returned', 'awaiting_signature', 'completed', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Who acts: the applicant, staff of the provider by role, or the portal itself. */
export const ACTORS = ['applicant', 'supervisor', 'executor', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

export interface Transition {
	action: string;
	from: readonly ApplicationStatus[];
	to: ApplicationStatus;
	by: readonly Actor[];
}

export const TRANSITIONS = [
	{ action: 'submit', from: ['draft'], to: 'submitted', by: ['applicant'] },
	{ action: 'assign', from: ['submitted'], to: 'in_progress', by: ['supervisor'] },
	{ action: 'return', from: ['in_progress'], to: 'returned', by: ['executor', 'supervisor'] },
	{ action: 'resubmit', from: ['returned'], to: 'in_progress', by: ['applicant'] },
	{ action: 'request_signature', from: ['in_progress'], to: 'awaiting_signature', by: ['executor'] },
	{ action: 'complete', from: ['in_progress', 'awaiting_signature'], to: 'completed', by: ['executor', 'system'] },
	{ action: 'reject', from: ['submitted', 'in_progress'], to: 'rejected', by: ['executor', 'supervisor'] },
	// An applicant may take an application back until a decision is made on it.
	{ action: 'withdraw', from: ['submitted', 'in_progress', 'returned'], to: 'withdrawn', by: ['applicant'] }
] as const satisfies readonly Transition[];

export type TransitionAction = (typeof TRANSITIONS)[number]['action'];

export const FINAL_STATUSES: readonly ApplicationStatus[] = ['completed', 'rejected', 'withdrawn'];

/** The transition `action` from `status` by `actor`, or null when the table does not allow it. */
export function findTransition(action: string, status: ApplicationStatus, actor: Actor): Transition | null {
	const transition = TRANSITIONS.find((candidate) => candidate.action === action);
	if (!transition) return null;
	return (transition.from as readonly string[]).includes(status) && (transition.by as readonly string[]).includes(actor) ? transition : null;
}

/** Actions `actor` may take on an application in `status`, for showing only the buttons that work. */
export function availableActions(status: ApplicationStatus, actor: Actor): TransitionAction[] {
	return TRANSITIONS.filter((t) => (t.from as readonly string[]).includes(status) && (t.by as readonly string[]).includes(actor)).map((t) => t.action);
}

/** While the application waits on the applicant, the provider's clock stands still. */
export function isWaitingOnApplicant(status: ApplicationStatus): boolean {
	return status === 'returned' || status === 'awaiting_signature';
}
