import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { StepDefinition } from '../../applications/form-definition.ts';
import { APPLICATION_STATUSES } from '../../applications/status.ts';
import type { StepValue } from '../../applications/validate-step.ts';
import type { SigningParty } from '../../signing/signing-plan.ts';
import { RESULT_DOCUMENT_KINDS } from '../../applications/result-document.ts';
import { userAccount } from '../accounts/schema.ts';
import { service } from '../catalog/schema.ts';

/** The portal-wide sequence in application numbers (`<sequence>-<DD>-<MM>-<YY>`); drafts take one too. */
export const applicationNumberSequence = pgSequence('application_number_seq', { startWith: 1 });

/**
 * One version of a service's application form. Versions are never changed once an application
 * uses them: editing a form writes a new version, and every application keeps the one it began with.
 */
export const formDefinition = pgTable(
	'form_definition',
	{
		id: serial('id').primaryKey(),
		serviceId: integer('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		steps: jsonb('steps').$type<StepDefinition[]>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('form_definition_service_version_unique').on(t.serviceId, t.version)]
);

export const application = pgTable(
	'application',
	{
		id: serial('id').primaryKey(),
		number: text('number').notNull().unique(),
		serviceId: integer('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'restrict' }),
		formDefinitionId: integer('form_definition_id')
			.notNull()
			.references(() => formDefinition.id, { onDelete: 'restrict' }),
		applicantUserId: integer('applicant_user_id')
			.notNull()
			.references(() => userAccount.id, { onDelete: 'restrict' }),
		/** Set for a legal entity's applications: everyone representing the BIN sees them. */
		organisationBin: text('organisation_bin'),
		/** The provider's staff member working on it, once a supervisor has assigned one. */
		assignedExecutorId: integer('assigned_executor_id').references(() => userAccount.id, { onDelete: 'set null' }),
		/** While returned for correction: the steps the applicant may change before sending it again. */
		correctionSteps: jsonb('correction_steps').$type<string[]>(),
		/** Set on completion: whether it was finished within the service's term, its pauses left out. */
		isCompletedWithinTerm: boolean('is_completed_within_term'),
		status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
		/** Issued with the draft and posted back by the Send form: sending the same draft twice submits it once. */
		submissionKey: uuid('submission_key').notNull().defaultRandom(),
		/** Message id of the newest message in the thread, to tell unread threads without counting. */
		lastMessageId: integer('last_message_id'),
		/** Clock for the service's term: seconds already paused and the start of a pause under way. */
		pausedSeconds: integer('paused_seconds').notNull().default(0),
		clockPausedAt: timestamp('clock_paused_at', { withTimezone: true }),
		/**
		 * The office queue's order, kept by a database trigger (migration 0019) from the four columns
		 * above and the service's term, so that the least time left is read from an index instead of
		 * being worked out for every open application on every page: for an open application whose
		 * clock runs, the Kazakhstan day its term ends; for one whose clock stands still, the days it
		 * had left when it stopped. Both null once finished (and for drafts).
		 */
		dueOn: date('due_on', { mode: 'string' }),
		pausedDaysLeft: integer('paused_days_left'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		submittedAt: timestamp('submitted_at', { withTimezone: true })
	},
	(t) => [
		index('application_applicant_idx').on(t.applicantUserId, t.createdAt.desc(), t.id.desc()),
		index('application_organisation_idx')
			.on(t.organisationBin, t.createdAt.desc(), t.id.desc())
			.where(sql`${t.organisationBin} is not null`),
		index('application_service_status_idx').on(t.serviceId, t.status),
		index('application_running_due_idx')
			.on(t.dueOn, t.submittedAt, t.id)
			.where(sql`${t.dueOn} is not null`),
		index('application_paused_due_idx')
			.on(t.pausedDaysLeft, t.submittedAt, t.id)
			.where(sql`${t.pausedDaysLeft} is not null`),
		index('application_finished_idx')
			.on(t.submittedAt, t.id)
			.where(sql`${t.status} in ('completed', 'rejected', 'withdrawn')`),
		index('application_executor_idx')
			.on(t.assignedExecutorId, t.status)
			.where(sql`${t.assignedExecutorId} is not null`)
	]
);

/** The answers of one step as last saved, and whether they were complete then. */
export const applicationStep = pgTable(
	'application_step',
	{
		applicationId: integer('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		stepKey: text('step_key').notNull(),
		answers: jsonb('answers').$type<Record<string, StepValue>>().notNull(),
		isComplete: boolean('is_complete').notNull(),
		savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.applicationId, t.stepKey] })]
);

/** A file attached to an application for one of its form's document requirements. */
export const applicationDocument = pgTable(
	'application_document',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: integer('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		stepKey: text('step_key').notNull(),
		requirementKey: text('requirement_key').notNull(),
		/** A generated name in the file storage; the user's file name is never used as a path. */
		storageKey: text('storage_key').notNull().unique(),
		originalName: text('original_name').notNull(),
		documentType: text('document_type', { enum: ['pdf', 'jpeg', 'png', 'docx', 'xlsx'] }).notNull(),
		sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
		sha256: text('sha256').notNull(),
		uploadedByUserId: integer('uploaded_by_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('application_document_application_idx').on(t.applicationId, t.requirementKey)]
);

/** The status timeline: one row per transition. */
export const applicationEvent = pgTable(
	'application_event',
	{
		id: serial('id').primaryKey(),
		applicationId: integer('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		action: text('action').notNull(),
		fromStatus: text('from_status', { enum: APPLICATION_STATUSES }),
		toStatus: text('to_status', { enum: APPLICATION_STATUSES }).notNull(),
		actorUserId: integer('actor_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('application_event_application_idx').on(t.applicationId, t.at)]
);

/** A `note` is written by staff for staff: never shown to the applicant, never counted as unread by them. */
export const MESSAGE_KINDS = ['system', 'applicant', 'staff', 'note'] as const;

/**
 * The application's thread. System messages store what happened (an event name and its
 * parameters), so each reader sees them in their own language; people's messages store their text.
 */
export const applicationMessage = pgTable(
	'application_message',
	{
		id: serial('id').primaryKey(),
		applicationId: integer('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
		authorUserId: integer('author_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
		body: text('body'),
		event: text('event'),
		params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('application_message_application_idx').on(t.applicationId, t.id),
		// The unread-message reminder's way in: only threads the provider wrote to lately are looked at,
		// however many applications there are. Answered from the index alone.
		index('application_message_staff_recent_idx').on(t.createdAt, t.applicationId).where(sql`${t.kind} = 'staff'`)
	]
);

/**
 * A file sent with a chat message, checked like an application's documents. A note's attachment is
 * as private as the note.
 */
export const messageAttachment = pgTable(
	'message_attachment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		messageId: integer('message_id')
			.notNull()
			.unique()
			.references(() => applicationMessage.id, { onDelete: 'cascade' }),
		applicationId: integer('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		/** A generated name in the file storage; the sender's file name is never used as a path. */
		storageKey: text('storage_key').notNull().unique(),
		originalName: text('original_name').notNull(),
		documentType: text('document_type', { enum: ['pdf', 'jpeg', 'png', 'docx', 'xlsx'] }).notNull(),
		sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
		sha256: text('sha256').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('message_attachment_application_idx').on(t.applicationId)]
);

/** How far each reader has read a thread. */
export const applicationReadMark = pgTable(
	'application_read_mark',
	{
		applicationId: integer('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => userAccount.id, { onDelete: 'cascade' }),
		lastReadMessageId: integer('last_read_message_id').notNull(),
		/**
		 * The newest message an unread-message reminder was sent about: a new reminder waits until the
		 * reader has read past it, so a quiet period brings one reminder, not one per message.
		 */
		remindedUpToMessageId: integer('reminded_up_to_message_id'),
		remindedAt: timestamp('reminded_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.applicationId, t.userId] })]
);

/** Kinds of result documents the executor issues (DOMAIN: result documents). */
export { RESULT_DOCUMENT_KINDS, type ResultDocumentKind } from '../../applications/result-document.ts';

/**
 * A document the provider issues to the applicant: an answer, an act, an agreement, a refusal.
 * One sent for signature is frozen: its bytes (and SHA-256) never change after `frozenAt`.
 */
export const resultDocument = pgTable(
	'result_document',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: integer('application_id')
			.notNull()
			.references(() => application.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: RESULT_DOCUMENT_KINDS }).notNull(),
		storageKey: text('storage_key').notNull().unique(),
		originalName: text('original_name').notNull(),
		documentType: text('document_type', { enum: ['pdf', 'jpeg', 'png', 'docx', 'xlsx'] }).notNull(),
		sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
		sha256: text('sha256').notNull(),
		/** Who must sign it with their EDS, in this order; none for a document that is only read. */
		signers: jsonb('signers').$type<SigningParty[]>().notNull().default([]),
		frozenAt: timestamp('frozen_at', { withTimezone: true }),
		issuedByUserId: integer('issued_by_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('result_document_application_idx').on(t.applicationId, t.createdAt)]
);
