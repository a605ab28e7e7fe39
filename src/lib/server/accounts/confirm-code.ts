import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { LIMITS } from './limits.ts';
import { verifyOtp } from './otp.ts';
import { consumeRateLimit, peekRateLimit } from './rate-limit.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { passwordChanged } from '../notifications/templates.ts';
import { session as sessionTable, userAccount, type OtpPurpose, type Role } from './schema.ts';
import { createSession, type NewSession } from './session.ts';

export type ConfirmOutcome =
	| { status: 'signed_in'; session: NewSession; isRemembered: boolean; next: string | null; role: Role; providerId: number | null }
	| { status: 'confirmed'; next: string | null }
	| { status: 'wrong'; attemptsLeft: number }
	| { status: 'expired' | 'exhausted' | 'not_found' }
	| { status: 'locked'; retryAfterSeconds: number };

/**
 * Checks the SMS code of a registration or sign-in attempt. A right code activates a new account
 * (registration) and opens a session; wrong codes count against the code and against the account,
 * whose step is blocked for two hours after six.
 */
export async function confirmCode(
	db: Database,
	input: { challengeId: string; purpose: OtpPurpose; code: string; userAgent: string | null; ipAddress: string; now?: Date }
): Promise<ConfirmOutcome> {
	const now = input.now ?? new Date();
	return db.transaction(async (tx): Promise<ConfirmOutcome> => {
		const result = await verifyOtp(tx, input.challengeId, input.purpose, input.code, now);
		if (result.status === 'wrong') {
			const failureKey = `code-fail:${input.purpose}:${result.userId}`;
			const failures = await consumeRateLimit(tx, failureKey, LIMITS.codeFailuresPerAccount.limit, LIMITS.codeFailuresPerAccount.windowSeconds, now);
			await recordAuditEvent(tx, { action: 'auth.code_failed', actorUserId: result.userId, ipAddress: input.ipAddress, details: { purpose: input.purpose } });
			// The sixth wrong code blocks the step; the code is void at the fifth anyway.
			if (failures.count >= LIMITS.codeFailuresPerAccount.limit) return { status: 'locked', retryAfterSeconds: failures.retryAfterSeconds };
			return { status: 'wrong', attemptsLeft: result.attemptsLeft };
		}
		if (result.status !== 'ok') return { status: result.status };

		const failureKey = `code-fail:${input.purpose}:${result.userId}`;
		if ((await peekRateLimit(tx, failureKey, LIMITS.codeFailuresPerAccount.windowSeconds, now)) >= LIMITS.codeFailuresPerAccount.limit) {
			return { status: 'locked', retryAfterSeconds: LIMITS.codeFailuresPerAccount.windowSeconds };
		}
		if (input.purpose === 'phone_change') {
			// The new number proved it receives SMS: it replaces the old one; the session goes on.
			if (typeof result.context.newPhone !== 'string') return { status: 'not_found' };
			await tx.update(userAccount).set({ phone: result.context.newPhone }).where(eq(userAccount.id, result.userId));
			await recordAuditEvent(tx, { action: 'account.phone_changed', actorUserId: result.userId, ipAddress: input.ipAddress });
			return { status: 'confirmed', next: typeof result.context.next === 'string' ? result.context.next : null };
		}
		const columns = { id: userAccount.id, role: userAccount.role, providerId: userAccount.providerId, isActive: userAccount.isActive, email: userAccount.email, locale: userAccount.locale };
		const newPasswordHash = typeof result.context.newPasswordHash === 'string' ? result.context.newPasswordHash : null;
		const [user] =
			input.purpose === 'registration'
				? await tx.update(userAccount).set({ isActive: true, activatedAt: now }).where(eq(userAccount.id, result.userId)).returning(columns)
				: (input.purpose === 'password_reset' || input.purpose === 'password_change') && newPasswordHash
					? await tx.update(userAccount).set({ passwordHash: newPasswordHash }).where(eq(userAccount.id, result.userId)).returning(columns)
					: await tx.select(columns).from(userAccount).where(eq(userAccount.id, result.userId));
		if (!user?.isActive) return { status: 'not_found' };
		if (input.purpose === 'password_reset' || input.purpose === 'password_change') {
			// A new password ends every session (this device gets a fresh one below), and the owner is told by email.
			await tx.delete(sessionTable).where(eq(sessionTable.userId, user.id));
			if (user.email) {
				await enqueueMessage(tx, { to: user.email, ...passwordChanged(user.locale) });
			}
		}
		const isRemembered = result.context.isRemembered === true;
		const session = await createSession(tx, { userId: user.id, role: user.role, isRemembered, userAgent: input.userAgent, ipAddress: input.ipAddress, now });
		const action = { registration: 'account.activated', login: 'auth.signed_in', password_reset: 'auth.password_reset', password_change: 'auth.password_changed', phone_change: 'account.phone_changed' }[input.purpose];
		await recordAuditEvent(tx, { action, actorUserId: user.id, ipAddress: input.ipAddress });
		return { status: 'signed_in', session, isRemembered, next: typeof result.context.next === 'string' ? result.context.next : null, role: user.role, providerId: user.providerId };
	});
}
