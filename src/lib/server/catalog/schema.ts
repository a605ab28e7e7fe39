import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	uniqueIndex,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import type { LocalizedText, Locale } from '../../i18n/localized.ts';

import { RESULT_KINDS } from '../../catalog/result-kind.ts';

export { RESULT_KINDS, type ResultKind } from '../../catalog/result-kind.ts';

export type LocalizedKeywords = Partial<Record<Locale, string[]>>;

export const provider = pgTable('provider', {
	id: serial('id').primaryKey(),
	slug: text('slug').notNull().unique(),
	name: jsonb('name').$type<LocalizedText>().notNull(),
	shortName: jsonb('short_name').$type<LocalizedText>(),
	phone: text('phone'),
	email: text('email'),
	address: jsonb('address').$type<LocalizedText>(),
	website: text('website'),
	/** The organisation's BIN: documents it signs must be signed under this BIN. */
	bin: text('bin'),
	logoPath: text('logo_path'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const category = pgTable(
	'category',
	{
		id: serial('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		parentId: integer('parent_id').references((): AnyPgColumn => category.id, { onDelete: 'restrict' }),
		position: integer('position').notNull().default(0),
		name: jsonb('name').$type<LocalizedText>().notNull()
	},
	(t) => [index('category_parent_idx').on(t.parentId, t.position)]
);

export const service = pgTable(
	'service',
	{
		id: serial('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		categoryId: integer('category_id')
			.notNull()
			.references(() => category.id, { onDelete: 'restrict' }),
		providerId: integer('provider_id')
			.notNull()
			.references(() => provider.id, { onDelete: 'restrict' }),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		summary: jsonb('summary').$type<LocalizedText>().notNull(),
		description: jsonb('description').$type<LocalizedText>().notNull(),
		conditions: jsonb('conditions').$type<LocalizedText>().notNull(),
		recipients: jsonb('recipients').$type<LocalizedText>().notNull(),
		termDays: integer('term_days').notNull(),
		resultKind: text('result_kind', { enum: RESULT_KINDS }).notNull(),
		keywords: jsonb('keywords').$type<LocalizedKeywords>().notNull().default({}),
		/** Higher comes first in the home page's popular block; 0 keeps a service out of it. */
		popularity: integer('popularity').notNull().default(0),
		isPublished: boolean('is_published').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('service_category_idx').on(t.categoryId),
		index('service_popular_idx').on(t.popularity).where(sql`${t.isPublished} and ${t.popularity} > 0`)
	]
);

export const serviceRegulatoryDocument = pgTable(
	'service_regulatory_document',
	{
		id: serial('id').primaryKey(),
		serviceId: integer('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		url: text('url')
	},
	(t) => [index('service_regulatory_document_service_idx').on(t.serviceId, t.position)]
);

export const serviceRequiredDocument = pgTable(
	'service_required_document',
	{
		id: serial('id').primaryKey(),
		serviceId: integer('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		title: jsonb('title').$type<LocalizedText>().notNull(),
		isRequired: boolean('is_required').notNull().default(true)
	},
	(t) => [index('service_required_document_service_idx').on(t.serviceId, t.position)]
);

/**
 * The search index of published services: which folded words occur in which service, with the weight of the most prominent
 * field each occurs in (title > keywords > summary > description), across all three languages.
 * Written by the application whenever a service changes; queries fold their words the same way,
 * so PGlite and PostgreSQL search identical data with identical SQL.
 */
export const searchPosting = pgTable(
	'search_posting',
	{
		term: text('term').notNull(),
		serviceId: integer('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		weight: integer('weight').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.term, t.serviceId] }),
		// Covers the search query, so postings are read from the index alone.
		index('search_posting_lookup_idx').on(t.term, t.serviceId, t.weight),
		index('search_posting_service_idx').on(t.serviceId)
	]
);

/**
 * Every distinct folded word of the index. Query words are matched against these (as parts of
 * words, or by trigram similarity for a typo), then the postings of the words found are read.
 */
export const searchTerm = pgTable(
	'search_term',
	{
		term: text('term').primaryKey()
	},
	(t) => [index('search_term_trgm').using('gin', sql`${t.term} gin_trgm_ops`)]
);

/**
 * A single counter bumped whenever public content changes; render caches compare it to drop stale pages.
 */
export const contentVersion = pgTable(
	'content_version',
	{
		id: integer('id').primaryKey().default(1),
		version: bigint('version', { mode: 'number' }).notNull().default(1),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	() => [uniqueIndex('content_version_single_row').on(sql`(true)`)]
);
