import type { Actor } from '../access/actor.ts';
import { allowedTransitions, officeRole } from '../access/application-policy.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { findApplicationIn } from '../applications/find-own-application.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';

/** The office's moves that need nothing but the decision itself; the others have their own operation. */
export const PLAIN_OFFICE_ACTIONS = ['take', 'complete'] as const;
export type PlainOfficeAction = (typeof PLAIN_OFFICE_ACTIONS)[number];

export function isPlainOfficeAction(value: string): value is PlainOfficeAction {
	return (PLAIN_OFFICE_ACTIONS as readonly string[]).includes(value);
}

/**
 * Takes an application into work or completes it: the row locked and reached through the office
 * policy, the move checked against the transition table for this person's part, then the status,
 * thread, notice, audit and realtime event in one transaction. Asking twice (a double click, a
 * resent form) finds the move already made and changes nothing.
 */
export async function moveApplication(db: Database, actor: Actor, input: { number: string; action: PlainOfficeAction; expectedStatus?: string; ipAddress?: string; now?: Date }): Promise<{ status: string; isChanged: boolean }> {
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const row = await findApplicationIn('office', tx, actor, input.number, { forUpdate: true });
		const role = officeRole(actor);
		if (!role || !allowedTransitions(actor, row.status).includes(input.action)) {
			// The form was for the status it had then: if it has moved on meanwhile, say so rather than act.
			if (input.expectedStatus && input.expectedStatus !== row.status) return { status: row.status, isChanged: false };
			throw new AppError('application.transition_not_allowed');
		}
		const status = await applyTransition(tx, row, { action: input.action, actor: role, actorUserId: actor.id, ipAddress: input.ipAddress, now });
		return { status, isChanged: true };
	});
}
