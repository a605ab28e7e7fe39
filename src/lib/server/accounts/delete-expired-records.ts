import { and, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { emailChangeToken, otpChallenge, passwordResetToken, rateCounter, session } from './schema.ts';

/** Expired codes and links are kept a day longer, so a late click still hears "expired", not "unknown". */
const GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes what can no longer be used: rate counters past their window, ended sessions, and codes
 * and links long expired or used. Every failed sign-in writes counters, so without this the
 * tables would only grow.
 */
export async function deleteExpiredRecords(db: Executor, now = new Date()): Promise<void> {
	const longAgo = new Date(now.getTime() - GRACE_MS);
	await db.delete(rateCounter).where(lt(rateCounter.expiresAt, now));
	await db.delete(session).where(or(lt(session.expiresAt, now), sql`${session.lastSeenAt} + ${session.idleTimeoutSeconds} * interval '1 second' < ${now}`));
	await db.delete(otpChallenge).where(lt(otpChallenge.expiresAt, longAgo));
	await db.delete(passwordResetToken).where(or(lt(passwordResetToken.expiresAt, longAgo), and(isNotNull(passwordResetToken.usedAt), lt(passwordResetToken.usedAt, longAgo))));
	await db.delete(emailChangeToken).where(or(lt(emailChangeToken.expiresAt, longAgo), and(isNotNull(emailChangeToken.usedAt), lt(emailChangeToken.usedAt, longAgo))));
}
