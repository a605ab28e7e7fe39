import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { provider } from '../catalog/schema.ts';

export const ACCOUNT_KINDS = ['individual', 'legal_entity'] as const;
export const ROLES = ['applicant', 'supervisor', 'executor', 'consultant', 'provider-admin', 'platform-admin'] as const;
export type Role = (typeof ROLES)[number];
export const NOTIFICATION_CHANNELS = ['sms', 'email'] as const;

/**
 * A person who signs in: an applicant (individual by IIN, or a legal entity's representative by BIN)
 * or a staff member of a provider organisation. The IIN/BIN is the login.
 */
export const userAccount = pgTable(
	'user_account',
	{
		id: serial('id').primaryKey(),
		kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
		role: text('role', { enum: ROLES }).notNull().default('applicant'),
		/** IIN for individuals and staff, BIN for legal entities. */
		login: text('login').notNull(),
		firstName: text('first_name').notNull(),
		lastName: text('last_name').notNull(),
		patronymic: text('patronymic'),
		organisationName: text('organisation_name'),
		email: text('email'),
		/** E.164. */
		phone: text('phone'),
		notificationChannel: text('notification_channel', { enum: NOTIFICATION_CHANNELS }).notNull().default('sms'),
		locale: text('locale', { enum: ['kk', 'ru', 'en'] }).notNull().default('kk'),
		passwordHash: text('password_hash').notNull(),
		/** Staff only: the TOTP secret (base32) that replaces SMS codes for them. */
		totpSecret: text('totp_secret'),
		/** The 30-second step of the last accepted TOTP code: a code is never accepted twice. */
		totpLastStep: integer('totp_last_step'),
		providerId: integer('provider_id').references(() => provider.id, { onDelete: 'restrict' }),
		isActive: boolean('is_active').notNull().default(false),
		consentVersion: text('consent_version'),
		consentAt: timestamp('consent_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		activatedAt: timestamp('activated_at', { withTimezone: true }),
		/** Staff only: may sign result documents with their EDS on the provider's behalf (a head or a person with the right to sign). */
		isProviderSigner: boolean('is_provider_signer').notNull().default(false),
		/** Staff only: when a provider admin turned the account off (an invited account is inactive without it). */
		deactivatedAt: timestamp('deactivated_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('user_account_login_unique').on(t.login),
		// A provider's staff, found without reading every applicant's account (the office's lists of executors).
		index('user_account_provider_idx').on(t.providerId, t.role).where(sql`${t.providerId} is not null`)
	]
);

/** Server side of a signed-in browser: only the SHA-256 of the cookie's token is kept. */
export const session = pgTable(
	'session',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => userAccount.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		/** Absolute end, whatever the activity. */
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		idleTimeoutSeconds: integer('idle_timeout_seconds').notNull(),
		isRemembered: boolean('is_remembered').notNull().default(false),
		userAgent: text('user_agent'),
		ipAddress: text('ip_address')
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const OTP_PURPOSES = ['registration', 'login', 'password_reset', 'phone_change', 'password_change'] as const;
export type OtpPurpose = (typeof OTP_PURPOSES)[number];

/**
 * One issued one-time code, bound to the attempt it was issued for (the id travels in a cookie).
 * Only a hash of the code is stored; a resend replaces the code in place.
 */
export const otpChallenge = pgTable(
	'otp_challenge',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		purpose: text('purpose', { enum: OTP_PURPOSES }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => userAccount.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		failedAttempts: integer('failed_attempts').notNull().default(0),
		sends: integer('sends').notNull().default(1),
		/** What the attempt carries forward once the code is right (e.g. "stay signed in", a return path). */
		context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		consumedAt: timestamp('consumed_at', { withTimezone: true })
	},
	(t) => [index('otp_challenge_user_idx').on(t.userId, t.createdAt)]
);

/**
 * Fixed-window counters for rate limits and lockouts, shared by every instance through the
 * database (never process memory).
 */
export const rateCounter = pgTable(
	'rate_counter',
	{
		key: text('key').notNull(),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		count: integer('count').notNull().default(0),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_counter_expires_idx').on(t.expiresAt)]
);

/**
 * A password-reset link sent by email: a 128-bit token of which only the SHA-256 is kept, single
 * use, valid for 60 minutes.
 */
export const passwordResetToken = pgTable(
	'password_reset_token',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => userAccount.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [index('password_reset_token_user_idx').on(t.userId)]
);

/** A new email address waiting for its owner to open the link sent to it (single use, 24 hours). */
export const emailChangeToken = pgTable(
	'email_change_token',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => userAccount.id, { onDelete: 'cascade' }),
		newEmail: text('new_email').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [index('email_change_token_user_idx').on(t.userId)]
);
