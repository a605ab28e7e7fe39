import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { findApplicationIn } from '../applications/find-own-application.ts';
import type { Executor } from '../db/client.ts';
import type { SurveyQuestion } from '../../survey/questions.ts';
import { serviceRating } from './schema.ts';
import { surveyQuestionsFor } from './service-survey.ts';

/** The applicant's own rating of their application, or null while they have not given one. */
export async function findOwnRating(db: Executor, actor: Actor, number: string): Promise<{ score: number } | null> {
	const row = await findApplicationIn('cabinet', db, actor, number);
	const [rating] = await db.select({ score: serviceRating.score }).from(serviceRating).where(eq(serviceRating.applicationId, row.id));
	return rating ?? null;
}

/** What the completed application's page shows of the survey: the score given, or the questions to answer. */
export async function findSurvey(db: Executor, actor: Actor, number: string): Promise<{ rating: { score: number } | null; questions: readonly SurveyQuestion[] }> {
	const row = await findApplicationIn('cabinet', db, actor, number);
	const [rating] = await db.select({ score: serviceRating.score }).from(serviceRating).where(eq(serviceRating.applicationId, row.id));
	return { rating: rating ?? null, questions: rating ? [] : await surveyQuestionsFor(db, row.serviceId) };
}
