import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { multiLineText } from '../../schemas/text.ts';
import type { Actor } from '../access/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { findApplicationIn } from '../applications/find-own-application.ts';
import { bumpContentVersion } from '../catalog/content-version.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { serviceRating } from './schema.ts';
import { surveyQuestionsFor } from './service-survey.ts';

export const RATING_COMMENT_MAX_LENGTH = 2000;

export type RateOutcome = { status: 'rated' } | { status: 'already_rated' } | { status: 'invalid'; errors: Record<string, string> };

const score = z.coerce.number().int().min(1).max(5);

/**
 * The applicant's rating of a completed application: every question of its service scored 1 to 5 and an optional
 * comment, once per application. The passport's public figures change with it, so public content
 * moves to a new version in the same transaction (cached pages are dropped when it commits).
 */
export async function rateService(db: Database, actor: Actor, input: { number: string; answers: Record<string, string>; comment: string; now?: Date }): Promise<RateOutcome> {
	const comment = input.comment.trim() === '' ? null : multiLineText(RATING_COMMENT_MAX_LENGTH).safeParse(input.comment);
	return db.transaction(async (tx) => {
		const row = await findApplicationIn('cabinet', tx, actor, input.number, { forUpdate: true });
		if (row.status !== 'completed') throw new AppError('application.transition_not_allowed');
		const [existing] = await tx.select({ id: serviceRating.applicationId }).from(serviceRating).where(eq(serviceRating.applicationId, row.id));
		if (existing) return { status: 'already_rated' };
		// The service's questions as they are now: answers are kept by question key.
		const errors: Record<string, string> = {};
		const answers: Record<string, number> = {};
		for (const question of await surveyQuestionsFor(tx, row.serviceId)) {
			const parsed = score.safeParse(input.answers[question.key]);
			if (parsed.success) answers[question.key] = parsed.data;
			else errors[question.key] = 'error_survey_score_required';
		}
		if (comment && !comment.success) errors.comment = comment.error.issues[0]!.message;
		if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
		await tx.insert(serviceRating).values({ applicationId: row.id, serviceId: row.serviceId, executorId: row.assignedExecutorId, score: answers.overall!, answers, comment: comment?.success ? comment.data : null, createdAt: input.now ?? new Date() });
		await recordAuditEvent(tx, { action: 'application.rated', actorUserId: actor.id, subject: row.number, details: { score: answers.overall } });
		await bumpContentVersion(tx);
		return { status: 'rated' };
	});
}
