import { eq } from 'drizzle-orm';
import type { FieldErrors } from '../../schemas/registration.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { LIMITS } from './limits.ts';
import { issueOtp } from './otp.ts';
import { checkPassword, hashPassword, verifyPassword } from './password.ts';
import { consumeRateLimit, peekRateLimit } from './rate-limit.ts';
import type { RequestContext } from './register-account.ts';
import { userAccount } from './schema.ts';
import type { SessionUser } from './session.ts';
import { allowCodeSend, queueCodeSms } from './send-code.ts';

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
	input: { currentPassword: string; password: string; passwordRepeat: string; next: string | null },
	context: RequestContext
): Promise<ChangePasswordOutcome> {
	const now = context.now ?? new Date();
	const [user] = await db.select().from(userAccount).where(eq(userAccount.id, actor.id));
	if (!user) return { status: 'invalid', errors: { currentPassword: 'error_login_failed' } };
	const failureKey = `login-fail:account:${user.login}`;
	const { loginFailuresPerAccount: limits } = LIMITS;
	if ((await peekRateLimit(db, failureKey, limits.windowSeconds, now)) >= limits.limit) return { status: 'rate_limited', retryAfterSeconds: limits.windowSeconds };

	const errors: FieldErrors = {};
	if (!input.currentPassword) errors.currentPassword = 'error_required';
	else if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
		await consumeRateLimit(db, failureKey, limits.limit, limits.windowSeconds, now);
		await recordAuditEvent(db, { action: 'auth.password_change_failed', actorUserId: user.id, ipAddress: context.ipAddress });
		errors.currentPassword = 'error_current_password';
	}
	if (!input.password) errors.password = 'error_required';
	else {
		const problem = checkPassword(input.password, { login: user.login, phone: user.phone, names: [user.firstName, user.lastName, user.patronymic] });
		if (problem) errors.password = `error_password_${problem}`;
	}
	if (!input.passwordRepeat) errors.passwordRepeat = 'error_required';
	else if (input.password !== input.passwordRepeat) errors.passwordRepeat = 'error_password_mismatch';
	if (Object.keys(errors).length > 0) return { status: 'invalid', errors };

	const newPasswordHash = await hashPassword(input.password);
	const isStaff = user.role !== 'applicant';
	return db.transaction(async (tx): Promise<ChangePasswordOutcome> => {
		if (!isStaff) {
			const permission = await allowCodeSend(tx, user.id, context.ipAddress, now);
			if (!permission.isAllowed) return { status: 'rate_limited', retryAfterSeconds: permission.retryAfterSeconds };
		}
		const { challengeId, code } = await issueOtp(tx, {
			userId: user.id,
			purpose: 'password_change',
			length: isStaff ? 8 : context.otpLength,
			context: { newPasswordHash, next: input.next, ...(isStaff ? { factor: 'totp' } : {}) },
			now
		});
		if (!isStaff) await queueCodeSms(tx, { phone: user.phone ?? '', code, purpose: 'password_change', locale: user.locale });
		return { status: 'code_required', challengeId };
	});
}
