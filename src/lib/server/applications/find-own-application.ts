import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import type { Actor } from '../access/actor.ts';
import { cabinetScope, officeScope } from '../access/application-policy.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { StepDefinition } from '../../applications/form-definition.ts';
import { application, formDefinition } from './schema.ts';

export type ApplicationRow = typeof application.$inferSelect;

/**
 * The applicant's application with this number (who may reach it: `cabinetScope`), or `application.not_found` (404) — the same
 * answer whether it does not exist or belongs to someone else, so numbers cannot be probed.
 * `forUpdate` locks the row, serialising saves, uploads and Send of one draft.
 */
export async function findOwnApplication(tx: Executor, user: SessionUser, number: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow> {
	return findApplicationIn('cabinet', tx, user, number, options);
}

/** Where an application is opened: the applicant's cabinet, or the office of the provider's staff. */
export type Area = 'cabinet' | 'office';

/** The application with this number as the area's rule lets this person reach it, or `application.not_found`. */
export async function findApplicationIn(area: Area, tx: Executor, user: Actor, number: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow> {
	const query = tx
		.select()
		.from(application)
		.where(and(eq(application.number, number), area === 'cabinet' ? cabinetScope(user) : officeScope(user)));
	const [row] = options.forUpdate ? await query.for('update') : await query;
	if (!row) {
		console.warn(`[access] user ${user.id} was refused application ${number.slice(0, 40)} in the ${area}`);
		throw new AppError('application.not_found');
	}
	return row;
}

/** The steps of the form version the application was started with. */
export async function formStepsOf(db: Executor, row: ApplicationRow): Promise<StepDefinition[]> {
	const [definition] = await db.select({ steps: formDefinition.steps }).from(formDefinition).where(eq(formDefinition.id, row.formDefinitionId));
	return definition!.steps;
}

/** One step of the applicant's application, or `application.step_not_found` (404). */
export async function findOwnStep(db: Executor, user: SessionUser, number: string, stepKey: string): Promise<{ row: ApplicationRow; step: StepDefinition }> {
	const row = await findOwnApplication(db, user, number);
	const step = (await formStepsOf(db, row)).find((candidate) => candidate.key === stepKey);
	if (!step) throw new AppError('application.step_not_found');
	return { row, step };
}

/** Deleting changes only drafts. */
export function assertDraft(row: ApplicationRow): void {
	if (row.status !== 'draft') throw new AppError('application.not_editable');
}

/**
 * Answers and files of a step change while the application is a draft, and, once returned for
 * correction, in the steps the executor asked to fix; never otherwise.
 */
export function assertStepEditable(row: ApplicationRow, stepKey: string): void {
	if (!isStepEditable(row, stepKey)) throw new AppError('application.not_editable');
}

export function isStepEditable(row: Pick<ApplicationRow, 'status' | 'correctionSteps'>, stepKey: string): boolean {
	return row.status === 'draft' || (row.status === 'returned' && (row.correctionSteps ?? []).includes(stepKey));
}
