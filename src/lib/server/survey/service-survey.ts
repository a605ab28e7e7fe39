import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import { LOCALES } from '../../i18n/localized.ts';
import { singleLineText } from '../../schemas/text.ts';
import { MAX_OWN_QUESTIONS, questionsOf, QUESTION_MAX_LENGTH, type SurveyQuestion } from '../../survey/questions.ts';
import { isSupervising, type Actor } from '../access/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { show, type ShownText } from '../catalog/localize.ts';
import { service } from '../catalog/schema.ts';
import type { Database, Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { serviceSurvey } from './schema.ts';

/** The questions a completed application of this service is rated by. */
export async function surveyQuestionsFor(db: Executor, serviceId: number): Promise<readonly SurveyQuestion[]> {
	const [row] = await db.select({ questions: serviceSurvey.questions }).from(serviceSurvey).where(eq(serviceSurvey.serviceId, serviceId));
	return questionsOf(row?.questions);
}

/** One of the supervisor's own provider's services, or not found. */
async function ownService(db: Executor, actor: Actor, serviceId: number) {
	if (!isSupervising(actor) || actor.providerId === null || !Number.isSafeInteger(serviceId)) throw new AppError('service.not_found');
	const [row] = await db
		.select({ id: service.id, title: service.title })
		.from(service)
		.where(and(eq(service.id, serviceId), eq(service.providerId, actor.providerId)));
	if (!row) throw new AppError('service.not_found');
	return row;
}

export interface ServiceSurveyView {
	serviceId: number;
	title: ShownText;
	/** The service's own questions (the overall one is always asked first, and is not among them). */
	own: SurveyQuestion[];
}

export async function findServiceSurvey(db: Executor, actor: Actor, serviceId: number, locale: Locale): Promise<ServiceSurveyView> {
	const found = await ownService(db, actor, serviceId);
	const [row] = await db.select({ questions: serviceSurvey.questions }).from(serviceSurvey).where(eq(serviceSurvey.serviceId, serviceId));
	return { serviceId, title: show(found.title, locale), own: row?.questions ?? [] };
}

/** A row of the form: an existing question's key (blank for a new one) and its text in each language. */
export interface QuestionInput {
	key: string;
	kk: string;
	ru: string;
	en: string;
}

export type SaveSurveyOutcome = { status: 'saved' } | { status: 'invalid'; errors: Record<string, string> };

const questionText = singleLineText(QUESTION_MAX_LENGTH);

/**
 * Replaces a service's own questions. A row left blank in every language is dropped; a row needs
 * all three languages, since each applicant is asked in theirs. A kept question keeps its key, so
 * answers given before a rewording still count for it; a new one gets a key never used before.
 * No rows at all brings back the common set.
 */
export async function saveServiceSurvey(db: Database, actor: Actor, input: { serviceId: number; rows: QuestionInput[]; ipAddress?: string; now?: Date }): Promise<SaveSurveyOutcome> {
	const errors: Record<string, string> = {};
	const filled = input.rows.slice(0, MAX_OWN_QUESTIONS).map((row, index) => ({ row, index })).filter(({ row }) => LOCALES.some((locale) => row[locale].trim() !== ''));
	const texts: { index: number; key: string; text: SurveyQuestion['text'] }[] = [];
	for (const { row, index } of filled) {
		const text = {} as SurveyQuestion['text'];
		for (const locale of LOCALES) {
			const parsed = questionText.safeParse(row[locale]);
			if (parsed.success) text[locale] = parsed.data;
			else errors[`q${index}-${locale}`] = parsed.error.issues[0]!.message;
		}
		texts.push({ index, key: row.key, text });
	}
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		await ownService(tx, actor, input.serviceId);
		if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
		const [current] = await tx.select({ questions: serviceSurvey.questions }).from(serviceSurvey).where(eq(serviceSurvey.serviceId, input.serviceId)).for('update');
		const known = new Set((current?.questions ?? []).map((question) => question.key));
		let next = Math.max(0, ...[...known].map((key) => Number(/^own-(\d+)$/.exec(key)?.[1] ?? 0))) + 1;
		const questions = texts.map(({ key, text }) => ({ key: known.has(key) ? key : `own-${next++}`, text }));
		if (questions.length === 0) await tx.delete(serviceSurvey).where(eq(serviceSurvey.serviceId, input.serviceId));
		else
			await tx
				.insert(serviceSurvey)
				.values({ serviceId: input.serviceId, questions, updatedByUserId: actor.id, updatedAt: now })
				.onConflictDoUpdate({ target: serviceSurvey.serviceId, set: { questions, updatedByUserId: actor.id, updatedAt: now } });
		await recordAuditEvent(tx, { action: 'office.survey_changed', actorUserId: actor.id, subject: String(input.serviceId), ipAddress: input.ipAddress, details: { questions: questions.map((question) => question.key) } });
		return { status: 'saved' };
	});
}
