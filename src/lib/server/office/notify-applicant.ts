import { multiLineText } from '../../schemas/text.ts';
import type { Actor } from '../access/actor.ts';
import { allowedTransitions, officeRole } from '../access/application-policy.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { findApplicationIn } from '../applications/find-own-application.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';

export const NOTICE_MAX_LENGTH = 500;

/**
 * A notice written by hand, sent to the applicant through the channel they chose (SMS or email) and
 * kept in the thread: a reminder, a call to bring the originals. Short, since it may go by SMS.
 */
export async function notifyApplicant(db: Database, actor: Actor, input: { number: string; text: string; ipAddress?: string; now?: Date }): Promise<{ status: 'sent' } | { status: 'invalid'; error: string }> {
	const text = multiLineText(NOTICE_MAX_LENGTH).safeParse(input.text);
	return db.transaction(async (tx) => {
		const row = await findApplicationIn('office', tx, actor, input.number, { forUpdate: true });
		const role = officeRole(actor);
		if (!role || !allowedTransitions(actor, row.status).includes('notify')) throw new AppError('application.transition_not_allowed');
		if (!text.success) return { status: 'invalid', error: text.error.issues[0]!.message };
		await applyTransition(tx, row, { action: 'notify', actor: role, actorUserId: actor.id, ipAddress: input.ipAddress, now: input.now ?? new Date(), params: { text: text.data } });
		return { status: 'sent' };
	});
}
