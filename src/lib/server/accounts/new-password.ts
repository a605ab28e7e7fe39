import type { FieldErrors } from '../../schemas/registration.ts';
import type { Executor } from '../db/client.ts';
import { needsAuthenticator } from '../access/actor.ts';
import { issueAuthenticatorChallenge, issueOtp } from './otp.ts';
import { checkPassword } from './password.ts';
import type { RequestContext } from './register-account.ts';
import type { userAccount } from './schema.ts';
import { consumeCodeSend, queueCodeSms } from './send-code.ts';

type Account = typeof userAccount.$inferSelect;

/** Problems with a new password typed twice, judged against the account's own data. */
export function newPasswordErrors(user: Account, password: string, passwordRepeat: string): FieldErrors {
	const errors: FieldErrors = {};
	if (!password) errors.password = 'error_required';
	else {
		const problem = checkPassword(password, { login: user.login, phone: user.phone, names: [user.firstName, user.lastName, user.patronymic] });
		if (problem) errors.password = `error_password_${problem}`;
	}
	if (!passwordRepeat) errors.passwordRepeat = 'error_required';
	else if (password !== passwordRepeat) errors.passwordRepeat = 'error_password_mismatch';
	return errors;
}

export type NewPasswordChallenge = { status: 'code_required'; challengeId: string } | { status: 'rate_limited'; retryAfterSeconds: number };

/**
 * Parks a new password's hash on a second-factor challenge: an SMS code for applicants, the
 * authenticator for staff. The password changes only when that challenge is answered.
 */
export async function issueNewPasswordChallenge(
	tx: Executor,
	user: Account,
	input: { purpose: 'password_reset' | 'password_change'; newPasswordHash: string; next: string | null; isRemembered?: boolean },
	context: RequestContext,
	now: Date
): Promise<NewPasswordChallenge> {
	// The session opened once the code is right keeps "stay signed in" of the device that asked.
	const carried = { newPasswordHash: input.newPasswordHash, next: input.next, isRemembered: input.isRemembered === true };
	if (needsAuthenticator(user)) {
		const { challengeId } = await issueAuthenticatorChallenge(tx, { userId: user.id, purpose: input.purpose, context: carried, now });
		return { status: 'code_required', challengeId };
	}
	// Throws CodeSendRefused: the caller's transaction (and the used reset link in it) rolls back.
	await consumeCodeSend(tx, user.id, context.ipAddress, now);
	const { challengeId, code } = await issueOtp(tx, { userId: user.id, purpose: input.purpose, length: context.otpLength, context: carried, now });
	await queueCodeSms(tx, { phone: user.phone ?? '', code, purpose: input.purpose, locale: user.locale });
	return { status: 'code_required', challengeId };
}
