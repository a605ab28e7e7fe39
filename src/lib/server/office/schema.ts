import { bigserial, boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES } from '../../applications/status.ts';
import { userAccount } from '../accounts/schema.ts';
import { service } from '../catalog/schema.ts';

/** How a service's new applications find their executor: by a supervisor, or at once by the portal. */
export const serviceAssignment = pgTable('service_assignment', {
	serviceId: integer('service_id')
		.primaryKey()
		.references(() => service.id, { onDelete: 'cascade' }),
	/** Sent applications go to the provider's executor with the fewest open applications. */
	isAutomatic: boolean('is_automatic').notNull().default(false),
	updatedByUserId: integer('updated_by_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** The services an executor works on: automatic assignment picks among them (all executors when a service has none). */
export const executorService = pgTable(
	'executor_service',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => userAccount.id, { onDelete: 'cascade' }),
		serviceId: integer('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.userId, t.serviceId] }), index('executor_service_service_idx').on(t.serviceId)]
);

/**
 * A provider admin's invitation to a new staff member: a 128-bit token sent by email, of which only
 * the SHA-256 is kept, single use, valid for 72 hours. The account waits inactive until it is used.
 */
export const staffInvitation = pgTable(
	'staff_invitation',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => userAccount.id, { onDelete: 'cascade' }),
		invitedByUserId: integer('invited_by_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [index('staff_invitation_user_idx').on(t.userId)]
);

/**
 * How many sent applications each service has per status and executor (0 for none), as changes:
 * a trigger on \`application\` appends -1 for the row's old place and +1 for its new one, so writers
 * never wait on each other for a counter, and the office's counters are a sum over a few rows
 * instead of a count over every application. \`compactApplicationTally\` folds the changes into one
 * row per place now and then.
 */
export const applicationTally = pgTable(
	'application_tally',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		serviceId: integer('service_id').notNull(),
		status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
		executorId: integer('executor_id').notNull(),
		delta: integer('delta').notNull()
	},
	(t) => [index('application_tally_place_idx').on(t.serviceId, t.status, t.executorId, t.delta)]
);
