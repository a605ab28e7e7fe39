import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { isApplicant, isStaff } from '../access/actor.ts';
import type { Executor } from '../db/client.ts';
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
}

export interface ResolvedSession {
	user: SessionUser;
	tokenHash: string;
	expiresAt: Date;
	isRemembered: boolean;
	/** Inactivity after which the session ends, so long forms can warn before it does. */
	idleTimeoutSeconds: number;
}

/** The signed-in user behind a cookie token, or null when the session is unknown, idle too long or over. */
export async function resolveSession(db: Executor, token: string, now = new Date()): Promise<ResolvedSession | null> {
	if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
	const tokenHash = hashSessionToken(token);
	const [row] = await db
		.select({
			session,
			user: {
				id: userAccount.id,
				role: userAccount.role,
				kind: userAccount.kind,
				login: userAccount.login,
				firstName: userAccount.firstName,
				lastName: userAccount.lastName,
				organisationName: userAccount.organisationName,
				locale: userAccount.locale,
				providerId: userAccount.providerId,
				isActive: userAccount.isActive
			}
		})
		.from(session)
		.innerJoin(userAccount, eq(userAccount.id, session.userId))
		.where(eq(session.tokenHash, tokenHash));
	if (!row) return null;
	const idleDeadline = row.session.lastSeenAt.getTime() + row.session.idleTimeoutSeconds * 1000;
	if (!row.user.isActive || row.session.expiresAt <= now || idleDeadline <= now.getTime()) {
		await db.delete(session).where(eq(session.tokenHash, tokenHash));
		return null;
	}
	if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_SECONDS * 1000) {
		await db.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, tokenHash));
	}
	const { isActive: _isActive, ...user } = row.user;
	return { user, tokenHash, expiresAt: row.session.expiresAt, isRemembered: row.session.isRemembered, idleTimeoutSeconds: row.session.idleTimeoutSeconds };
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
