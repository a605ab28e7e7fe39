import { integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';
import type { PortalStatistics } from '../../statistics/portal-statistics.ts';

/**
 * The home page's figures of the year, worked out in the background and kept in one row: every
 * instance shows the same, and a change moves the content version on so cached pages follow.
 */
export const portalStatistics = pgTable('portal_statistics', {
	id: integer('id').primaryKey(),
	figures: jsonb('figures').$type<PortalStatistics>().notNull(),
	computedAt: timestamp('computed_at', { withTimezone: true }).notNull()
});
