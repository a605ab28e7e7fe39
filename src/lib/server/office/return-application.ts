import { randomUUID } from 'node:crypto';
import { multiLineText } from '../../schemas/text.ts';
import type { Actor } from '../access/actor.ts';
import { allowedTransitions, officeRole } from '../access/application-policy.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { findApplicationIn, formStepsOf } from '../applications/find-own-application.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';

export const COMMENT_MAX_LENGTH = 2000;

export type ReturnOutcome = { status: 'returned' } | { status: 'invalid'; errors: { comment?: string; steps?: string } };

/**
 * Sends an application back to the applicant with what to fix and the steps they may change: the
 * clock stops until it comes back (applyTransition pauses it), and the Send form gets a new key so
 * the corrected application is sent again exactly once. Checked before anything is written.
 */
export async function returnApplication(db: Database, actor: Actor, input: { number: string; comment: string; stepKeys: string[]; ipAddress?: string; now?: Date }): Promise<ReturnOutcome> {
	const comment = multiLineText(COMMENT_MAX_LENGTH).safeParse(input.comment);
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const row = await findApplicationIn('office', tx, actor, input.number, { forUpdate: true });
		const role = officeRole(actor);
		if (!role || !allowedTransitions(actor, row.status).includes('return')) throw new AppError('application.transition_not_allowed');
		const known = (await formStepsOf(tx, row)).map((step) => step.key);
		const stepKeys = known.filter((key) => input.stepKeys.includes(key));
		const errors: { comment?: string; steps?: string } = {};
		if (!comment.success) errors.comment = comment.error.issues[0]!.message;
		if (stepKeys.length === 0) errors.steps = 'error_office_steps_required';
		if (errors.comment || errors.steps || !comment.success) return { status: 'invalid', errors };
		await applyTransition(tx, row, {
			action: 'return',
			actor: role,
			actorUserId: actor.id,
			ipAddress: input.ipAddress,
			now,
			params: { comment: comment.data },
			changes: { correctionSteps: stepKeys, submissionKey: randomUUID() }
		});
		return { status: 'returned' };
	});
}
