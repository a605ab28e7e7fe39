import { and, eq, gt, isNull } from 'drizzle-orm';
import { maskIdentifier, normalizeIdentifier } from '../../identity/iin-bin.ts';
import { hasInvalidCharacters, withoutInvalidCharacters } from '../../schemas/text.ts';
import type { FieldErrors } from '../../schemas/registration.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { passwordResetLink } from '../notifications/templates.ts';
import type { AccountLinks } from './account-links.ts';
import { LIMITS } from './limits.ts';
import { hashLinkToken as hashToken, isLinkTokenShaped as isTokenShaped, newLinkToken } from './link-token.ts';
import { issueNewPasswordChallenge, newPasswordErrors } from './new-password.ts';
import { codeSendRefusedOutcome } from './send-code.ts';
import { hashPassword } from './password.ts';
import { consumeRateLimit } from './rate-limit.ts';
import type { RequestContext } from './register-account.ts';
import { passwordResetToken, userAccount } from './schema.ts';
import { clearLoginFailures } from './start-login.ts';

export const RESET_TOKEN_TTL_SECONDS = 60 * 60;

/**
 * "Forgot password": emails a single-use link to the account's address. The answer is the same
 * whether or not the IIN/BIN exists, and requests are limited per IP and per IIN/BIN.
 */
export async function requestPasswordReset(db: Database, rawLogin: string, context: RequestContext & { links: AccountLinks }): Promise<{ status: 'sent' } | { status: 'rate_limited'; retryAfterSeconds: number }> {
	const now = context.now ?? new Date();
	const typed = normalizeIdentifier(rawLogin);
	// A login with control characters belongs to nobody (and a NUL cannot even reach PostgreSQL): it
	// is counted like the IIN/BIN it spells without them and answered like an unknown one.
	const isLoginImpossible = hasInvalidCharacters(typed);
	const login = withoutInvalidCharacters(typed).slice(0, 20);
	const perIp = await consumeRateLimit(db, `reset:ip:${context.ipAddress}`, LIMITS.codeSendsPerIp.limit, LIMITS.codeSendsPerIp.windowSeconds, now);
	const perLogin = await consumeRateLimit(db, `reset:login:${login}`, LIMITS.codeSendsPerAccount.limit, LIMITS.codeSendsPerAccount.windowSeconds, now);
	if (!perIp.isAllowed || !perLogin.isAllowed) return { status: 'rate_limited', retryAfterSeconds: Math.max(perIp.retryAfterSeconds, perLogin.retryAfterSeconds) };

	const [user] = login && !isLoginImpossible ? await db.select().from(userAccount).where(eq(userAccount.login, login)) : [];
	if (!user?.isActive || !user.email) return { status: 'sent' };
	const token = newLinkToken();
	const link = context.links.passwordReset(user.locale, token);
	await db.transaction(async (tx) => {
		await tx.insert(passwordResetToken).values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_SECONDS * 1000) });
		await enqueueMessage(tx, { to: user.email!, ...passwordResetLink(user.locale, { link }) });
		await recordAuditEvent(tx, { action: 'auth.password_reset_requested', actorUserId: user.id, subject: maskIdentifier(login), ipAddress: context.ipAddress });
	});
	return { status: 'sent' };
}

/** Whether a reset link can still be used (it is checked again when the new password is posted). */
export async function isResetTokenUsable(db: Database, token: string, now = new Date()): Promise<boolean> {
	if (!isTokenShaped(token)) return false;
	const [row] = await db
		.select({ userId: passwordResetToken.userId })
		.from(passwordResetToken)
		.where(and(eq(passwordResetToken.tokenHash, hashToken(token)), isNull(passwordResetToken.usedAt), gt(passwordResetToken.expiresAt, now)));
	return !!row;
}

export type NewPasswordOutcome =
	| { status: 'code_required'; challengeId: string }
	| { status: 'invalid'; errors: FieldErrors }
	| { status: 'link_invalid' }
	| { status: 'rate_limited'; retryAfterSeconds: number };

/**
 * Takes the new password from a reset link. It is not applied yet: it waits, hashed, on a second
 * factor (an SMS code, or the authenticator for staff), so a stolen mailbox alone changes nothing.
 */
export async function submitNewPassword(db: Database, input: { token: string; password: string; passwordRepeat: string }, context: RequestContext): Promise<NewPasswordOutcome> {
	const now = context.now ?? new Date();
	if (!isTokenShaped(input.token)) return { status: 'link_invalid' };
	const [row] = await db
		.select({ user: userAccount })
		.from(passwordResetToken)
		.innerJoin(userAccount, eq(userAccount.id, passwordResetToken.userId))
		.where(and(eq(passwordResetToken.tokenHash, hashToken(input.token)), isNull(passwordResetToken.usedAt), gt(passwordResetToken.expiresAt, now)));
	if (!row) return { status: 'link_invalid' };
	const user = row.user;
	const errors = newPasswordErrors(user, input.password, input.passwordRepeat);
	if (Object.keys(errors).length > 0) return { status: 'invalid', errors };

	const newPasswordHash = await hashPassword(input.password);
	return db.transaction(async (tx): Promise<NewPasswordOutcome> => {
		const used = await tx
			.update(passwordResetToken)
			.set({ usedAt: now })
			.where(and(eq(passwordResetToken.tokenHash, hashToken(input.token)), isNull(passwordResetToken.usedAt)))
			.returning({ userId: passwordResetToken.userId });
		if (used.length === 0) return { status: 'link_invalid' };
		// The emailed link proves the owner: failed sign-ins by others stop locking them out (the SMS
		// code is still asked for). Rolled back with the rest if the code may not be sent.
		await clearLoginFailures(tx, user.login);
		return issueNewPasswordChallenge(tx, user, { purpose: 'password_reset', newPasswordHash, next: null }, context, now);
	}).catch(codeSendRefusedOutcome);
}
