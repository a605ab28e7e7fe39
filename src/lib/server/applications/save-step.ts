import { and, eq, sql } from 'drizzle-orm';
import { validateStep, type StepAnswers, type StepValidation } from '../../applications/validate-step.ts';
import type { SessionUser } from '../accounts/session.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { assertStepEditable, findOwnApplication, formStepsOf } from './find-own-application.ts';
import { application, applicationStep } from './schema.ts';

/**
 * Save on one step: the answers are checked on the server and stored whatever the outcome, so
 * nothing typed is lost; the step counts as complete only without a problem.
 */
export async function saveStep(db: Database, user: SessionUser, input: { number: string; stepKey: string; answers: StepAnswers; now?: Date }): Promise<StepValidation> {
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const row = await findOwnApplication(tx, user, input.number, { forUpdate: true });
		const step = (await formStepsOf(tx, row)).find((candidate) => candidate.key === input.stepKey);
		if (!step) throw new AppError('application.step_not_found');
		assertStepEditable(row, step.key);
		const result = validateStep(step, input.answers);
		await tx
			.insert(applicationStep)
			.values({ applicationId: row.id, stepKey: step.key, answers: result.values, isComplete: result.isComplete, savedAt: now })
			.onConflictDoUpdate({
				target: [applicationStep.applicationId, applicationStep.stepKey],
				set: { answers: sql`excluded.answers`, isComplete: sql`excluded.is_complete`, savedAt: sql`excluded.saved_at` }
			});
		await tx.update(application).set({ updatedAt: now }).where(and(eq(application.id, row.id)));
		return result;
	});
}
