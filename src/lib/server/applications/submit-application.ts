import { eq } from 'drizzle-orm';
import { stepStatuses } from '../../applications/step-status.ts';
import { validateStep } from '../../applications/validate-step.ts';
import type { SessionUser } from '../accounts/session.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { applyTransition } from './apply-transition.ts';
import { assignAutomatically } from '../office/assign-automatically.ts';
import { findOwnApplication, formStepsOf } from './find-own-application.ts';
import { applicationDocument, applicationStep } from './schema.ts';

export type SubmitOutcome = { status: 'submitted' } | { status: 'incomplete'; stepKeys: string[] };

/**
 * Send: every step is checked again, then the draft becomes `submitted` (a corrected one goes back
 * into work) in one transaction with
 * its timeline entry, system message, audit event and notification. The row lock and the
 * submission key make it idempotent: repeated or parallel sends of one draft submit it once,
 * and each of them is told it was sent.
 */
export async function submitApplication(db: Database, user: SessionUser, input: { number: string; submissionKey: string; ipAddress?: string; now?: Date }): Promise<SubmitOutcome> {
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const row = await findOwnApplication(tx, user, input.number, { forUpdate: true });
		if (row.submissionKey !== input.submissionKey) throw new AppError('application.stale_form');
		if (row.status !== 'draft' && row.status !== 'returned') {
			// Sent already by this very form (a double click, a retry, a parallel request).
			if (row.submittedAt) return { status: 'submitted' };
			throw new AppError('application.not_editable');
		}
		const steps = await formStepsOf(tx, row);
		const saved = await tx.select().from(applicationStep).where(eq(applicationStep.applicationId, row.id));
		const documents = await tx.select({ requirementKey: applicationDocument.requirementKey }).from(applicationDocument).where(eq(applicationDocument.applicationId, row.id));
		const fileCounts: Record<string, number> = {};
		for (const document of documents) fileCounts[document.requirementKey] = (fileCounts[document.requirementKey] ?? 0) + 1;
		// The stored answers are validated again: a step saved complete stays complete only if it still is.
		const checked = saved.map((step) => {
			const definitionStep = steps.find((s) => s.key === step.stepKey);
			return { stepKey: step.stepKey, isComplete: !!definitionStep && step.isComplete && validateStep(definitionStep, step.answers).isComplete };
		});
		const incomplete = stepStatuses(steps, checked, fileCounts).filter((status) => !status.isComplete);
		if (incomplete.length > 0) return { status: 'incomplete', stepKeys: incomplete.map((status) => status.key) };
		// Corrected and sent again: back to the executor, the clock running again, nothing more to fix.
		const action = row.status === 'returned' ? 'resubmit' : 'submit';
		await applyTransition(tx, row, { action, actor: 'applicant', actorUserId: user.id, ipAddress: input.ipAddress, now, changes: action === 'resubmit' ? { correctionSteps: null } : undefined });
		if (action === 'submit') await assignAutomatically(tx, row.id, now);
		return { status: 'submitted' };
	});
}
