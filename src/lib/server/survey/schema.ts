import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { SurveyQuestion } from '../../survey/questions.ts';
import { userAccount } from '../accounts/schema.ts';
import { application } from '../applications/schema.ts';
import { service } from '../catalog/schema.ts';

/** One applicant's rating of one completed application: asked once, kept once. */
export const serviceRating = pgTable(
	'service_rating',
	{
		applicationId: integer('application_id')
			.primaryKey()
			.references(() => application.id, { onDelete: 'cascade' }),
		serviceId: integer('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		/** Who worked on it, for the office's figures per executor. */
		executorId: integer('executor_id').references(() => userAccount.id, { onDelete: 'set null' }),
		/** The overall score, 1 to 5: what the passport averages. */
		score: smallint('score').notNull(),
		/** Every question's score by its key. */
		answers: jsonb('answers').$type<Record<string, number>>().notNull(),
		comment: text('comment'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('service_rating_service_idx').on(t.serviceId, t.createdAt), index('service_rating_executor_idx').on(t.executorId, t.createdAt), check('service_rating_score_range', sql`${t.score} between 1 and 5`)]
);

/** A service's own survey questions, when it defines them; otherwise the common set is asked. */
export const serviceSurvey = pgTable('service_survey', {
	serviceId: integer('service_id')
		.primaryKey()
		.references(() => service.id, { onDelete: 'cascade' }),
	questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
	updatedByUserId: integer('updated_by_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
