import { multiLineText } from '../../schemas/text.ts';
import type { Actor } from '../access/actor.ts';
import { allowedTransitions, officeRole } from '../access/application-policy.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { findApplicationIn } from '../applications/find-own-application.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';

export const REASON_MAX_LENGTH = 2000;

export type RejectOutcome = { status: 'rejected' } | { status: 'invalid'; error: string };

/**
 * Refuses an application with the reason the applicant will read on their page and in the thread:
 * the application ends there. Access, the transition table and the reason are checked before
 * anything is written; the status, thread, notice, audit and realtime event go in one transaction.
 */
export async function rejectApplication(db: Database, actor: Actor, input: { number: string; reason: string; ipAddress?: string; now?: Date }): Promise<RejectOutcome> {
	const reason = multiLineText(REASON_MAX_LENGTH).safeParse(input.reason);
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const row = await findApplicationIn('office', tx, actor, input.number, { forUpdate: true });
		const role = officeRole(actor);
		if (!role || !allowedTransitions(actor, row.status).includes('reject')) throw new AppError('application.transition_not_allowed');
		if (!reason.success) return { status: 'invalid', error: reason.error.issues[0]!.message };
		await applyTransition(tx, row, { action: 'reject', actor: role, actorUserId: actor.id, ipAddress: input.ipAddress, now, params: { reason: reason.data } });
		return { status: 'rejected' };
	});
}
