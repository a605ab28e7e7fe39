import { and, eq } from 'drizzle-orm';
import type { FieldErrors } from '../../schemas/registration.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { LIMITS } from './limits.ts';
import { issueNewPasswordChallenge, newPasswordErrors } from './new-password.ts';
import { codeSendRefusedOutcome } from './send-code.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { consumeRateLimit, peekRateLimit } from './rate-limit.ts';
import type { RequestContext } from './register-account.ts';
import { loginFailureKeys } from './start-login.ts';
import { session, userAccount } from './schema.ts';
import type { SessionUser } from './session.ts';

export type ChangePasswordOutcome =
	| { status: 'code_required'; challengeId: string }
	| { status: 'invalid'; errors: FieldErrors }
	| { status: 'rate_limited'; retryAfterSeconds: number };

/**
 * Settings → change password: the current password, then the new one twice. The new password
 * waits, hashed, for the SMS code (the authenticator for staff); wrong current passwords count
 * towards the same lockout as failed sign-ins.
 */
export async function changePassword(
	db: Database,
	actor: SessionUser,
	input: { currentPassword: string; password: string; passwordRepeat: string; next: string | null; sessionTokenHash: string | null },
	context: RequestContext
): Promise<ChangePasswordOutcome> {
	const now = context.now ?? new Date();
	const [user] = await db.select().from(userAccount).where(eq(userAccount.id, actor.id));
	if (!user) return { status: 'invalid', errors: { currentPassword: 'error_login_failed' } };
	// Wrong current passwords count as failed sign-ins, from this source and for the account, so a
	// stolen session cannot guess the password faster than the sign-in form allows.
	const keys = loginFailureKeys(user.login, context.ipAddress);
	const { loginFailuresPerAccount: perAccount, loginFailuresPerAccountAndIp: perSource } = LIMITS;
	const isLocked =
		(await peekRateLimit(db, keys.accountAndIp, perSource.windowSeconds, now)) >= perSource.limit || (await peekRateLimit(db, keys.account, perAccount.windowSeconds, now)) >= perAccount.limit;
	if (isLocked) return { status: 'rate_limited', retryAfterSeconds: perSource.windowSeconds };

	const errors: FieldErrors = {};
	if (!input.currentPassword) errors.currentPassword = 'error_required';
	else if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
		await consumeRateLimit(db, keys.accountAndIp, perSource.limit, perSource.windowSeconds, now);
		await consumeRateLimit(db, keys.account, perAccount.limit, perAccount.windowSeconds, now);
		await recordAuditEvent(db, { action: 'auth.password_change_failed', actorUserId: user.id, ipAddress: context.ipAddress });
		errors.currentPassword = 'error_current_password';
	}
	Object.assign(errors, newPasswordErrors(user, input.password, input.passwordRepeat));
	if (Object.keys(errors).length > 0) return { status: 'invalid', errors };

	const newPasswordHash = await hashPassword(input.password);
	// The change ends every session and opens a new one here: it stays remembered if this one was.
	const [current] = input.sessionTokenHash
		? await db.select({ isRemembered: session.isRemembered }).from(session).where(and(eq(session.tokenHash, input.sessionTokenHash), eq(session.userId, user.id)))
		: [];
	return db
		.transaction((tx) => issueNewPasswordChallenge(tx, user, { purpose: 'password_change', newPasswordHash, next: input.next, isRemembered: current?.isRemembered === true }, context, now))
		.catch(codeSendRefusedOutcome);
}
