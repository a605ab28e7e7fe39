import { date, index, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The National Bank's official rates, one row per currency and date, in tenge per one unit (the
 * feed's figure divided by its quant). Kept as they came, so the header shows the last known rates
 * with their date whenever the feed fails.
 */
export const exchangeRate = pgTable(
	'exchange_rate',
	{
		currency: text('currency').notNull(),
		rateDate: date('rate_date', { mode: 'string' }).notNull(),
		tengePerUnit: numeric('tenge_per_unit', { precision: 14, scale: 4, mode: 'number' }).notNull(),
		direction: text('direction', { enum: ['up', 'down', 'same'] }).notNull(),
		change: numeric('change', { precision: 14, scale: 4, mode: 'number' }),
		fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.currency, t.rateDate] }), index('exchange_rate_date_idx').on(t.rateDate)]
);
