import { boolean, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';
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
