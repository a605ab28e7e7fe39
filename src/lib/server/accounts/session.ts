import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { isApplicant, isStaff } from '../access/actor.ts';
import type { Executor } from '../db/client.ts';
import { preparedPerDatabase } from '../db/prepared.ts';
import { deviceName } from './device-name.ts';
import { session, userAccount, type Role } from './schema.ts';

/** Timeouts from the security bar. */
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const SESSION_LIMITS = {
	applicant: { idle: 30 * MINUTE, absolute: 12 * HOUR },
	remembered: { idle: 30 * DAY, absolute: 30 * DAY },
	staff: { idle: 15 * MINUTE, absolute: 12 * HOUR }
} as const;
/** Activity is written back at most this often, so each page view does not cost a write. */
const TOUCH_INTERVAL_SECONDS = 60;

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
	token: string;
	expiresAt: Date;
}

/** Opens a session with a fresh 128-bit token; only the token's hash is stored. */
export async function createSession(
	tx: Executor,
	input: { userId: number; role: Role; isRemembered: boolean; userAgent?: string | null; ipAddress?: string | null; now?: Date }
): Promise<NewSession> {
	const now = input.now ?? new Date();
	const limits = isStaff(input) ? SESSION_LIMITS.staff : input.isRemembered ? SESSION_LIMITS.remembered : SESSION_LIMITS.applicant;
	const token = randomBytes(16).toString('base64url');
	const expiresAt = new Date(now.getTime() + limits.absolute * 1000);
	await tx.insert(session).values({
		tokenHash: hashSessionToken(token),
		userId: input.userId,
		createdAt: now,
		lastSeenAt: now,
		expiresAt,
		idleTimeoutSeconds: limits.idle,
		isRemembered: input.isRemembered && isApplicant(input),
		userAgent: input.userAgent?.slice(0, 300) ?? null,
		ipAddress: input.ipAddress ?? null
	});
	return { token, expiresAt };
}

export interface SessionUser {
	id: number;
	role: Role;
	kind: 'individual' | 'legal_entity';
	login: string;
	firstName: string;
	lastName: string;
	organisationName: string | null;
	locale: 'kk' | 'ru' | 'en';
	providerId: number | null;
	/** Staff who sign result documents for their provider. */
	isProviderSigner?: boolean;
}

export interface ResolvedSession {
	user: SessionUser;
	tokenHash: string;
	expiresAt: Date;
	isRemembered: boolean;
	/** Inactivity after which the session ends, so long forms can warn before it does. */
	idleTimeoutSeconds: number;
}

/**
 * The lookup behind every signed-in request, built once: the session with the few user fields a
 * page needs, by the token's hash (the primary key). The activity is written back in the same
 * statement when the last write is older than `touchBefore`; the lookup reads the row as it was
 * before (a data-modifying WITH is not visible to the rest of its statement), so the idle check
 * sees the previous activity, and a session found over is deleted next whether touched or not.
 */
const sessionByTokenHash = preparedPerDatabase((db) => {
	const tokenHash = sql.placeholder('tokenHash');
	const touched = db.$with('touched').as(
		db
			.update(session)
			.set({ lastSeenAt: sql`${sql.placeholder('now')}` })
			.where(and(eq(session.tokenHash, tokenHash), lt(session.lastSeenAt, sql.placeholder('touchBefore'))))
			.returning({ tokenHash: session.tokenHash })
	);
	return db
		.with(touched)
		.select({
			lastSeenAt: session.lastSeenAt,
			expiresAt: session.expiresAt,
			idleTimeoutSeconds: session.idleTimeoutSeconds,
			isRemembered: session.isRemembered,
			id: userAccount.id,
			role: userAccount.role,
			kind: userAccount.kind,
			login: userAccount.login,
			firstName: userAccount.firstName,
			lastName: userAccount.lastName,
			organisationName: userAccount.organisationName,
			locale: userAccount.locale,
			providerId: userAccount.providerId,
			isProviderSigner: userAccount.isProviderSigner,
			isActive: userAccount.isActive
		})
		.from(session)
		.innerJoin(userAccount, eq(userAccount.id, session.userId))
		.where(eq(session.tokenHash, tokenHash))
		.prepare('session_by_token_hash');
});

/** The signed-in user behind a cookie token, or null when the session is unknown, idle too long or over. */
export async function resolveSession(db: Executor, token: string, now = new Date()): Promise<ResolvedSession | null> {
	if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
	const tokenHash = hashSessionToken(token);
	const touchBefore = new Date(now.getTime() - TOUCH_INTERVAL_SECONDS * 1000);
	const [row] = await sessionByTokenHash(db).execute({ tokenHash, now, touchBefore });
	if (!row) return null;
	const idleDeadline = row.lastSeenAt.getTime() + row.idleTimeoutSeconds * 1000;
	if (!row.isActive || row.expiresAt <= now || idleDeadline <= now.getTime()) {
		await db.delete(session).where(eq(session.tokenHash, tokenHash));
		return null;
	}
	const user: SessionUser = {
		id: row.id,
		role: row.role,
		kind: row.kind,
		login: row.login,
		firstName: row.firstName,
		lastName: row.lastName,
		organisationName: row.organisationName,
		locale: row.locale,
		providerId: row.providerId,
		isProviderSigner: row.isProviderSigner
	};
	return { user, tokenHash, expiresAt: row.expiresAt, isRemembered: row.isRemembered, idleTimeoutSeconds: row.idleTimeoutSeconds };
}

export async function endSession(db: Executor, token: string): Promise<void> {
	await db.delete(session).where(eq(session.tokenHash, hashSessionToken(token)));
}

/** Ends every session of a user but the current one (after a password change, or on request). */
export async function endOtherSessions(db: Executor, userId: number, keepTokenHash: string): Promise<void> {
	await db.delete(session).where(and(eq(session.userId, userId), ne(session.tokenHash, keepTokenHash)));
}

export interface SessionSummary {
	/** The start of the token hash: enough to name a session, useless for taking it over. */
	id: string;
	createdAt: Date;
	lastSeenAt: Date;
	/** "Chrome, Windows", or null when the browser did not say. */
	device: string | null;
	isCurrent: boolean;
}

/** The user's open sessions, newest activity first, for Settings. */
export async function listSessions(db: Executor, userId: number, currentTokenHash: string | null): Promise<SessionSummary[]> {
	const rows = await db.select().from(session).where(eq(session.userId, userId));
	return rows
		.map((row) => ({ id: row.tokenHash.slice(0, 16), createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, device: deviceName(row.userAgent), isCurrent: row.tokenHash === currentTokenHash }))
		.sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}

/** Ends one of the user's own sessions by its short id; another user's session is never touched. */
export async function endSessionById(db: Executor, userId: number, id: string): Promise<boolean> {
	if (!/^[0-9a-f]{16}$/.test(id)) return false;
	const rows = await db.select({ tokenHash: session.tokenHash }).from(session).where(eq(session.userId, userId));
	const target = rows.find((row) => row.tokenHash.startsWith(id));
	if (!target) return false;
	await db.delete(session).where(and(eq(session.userId, userId), eq(session.tokenHash, target.tokenHash)));
	return true;
}
