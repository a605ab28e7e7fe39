import { eq } from 'drizzle-orm';
import { maskIdentifier, normalizeIdentifier } from '../../identity/iin-bin.ts';
import { hasInvalidCharacters, withoutInvalidCharacters } from '../../schemas/text.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database, Executor } from '../db/client.ts';
import { needsAuthenticator } from '../access/actor.ts';
import { LIMITS } from './limits.ts';
import { issueAuthenticatorChallenge, issueOtp } from './otp.ts';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password.ts';
import { consumeRateLimit, peekRateLimit, resetRateLimit, resetRateLimits } from './rate-limit.ts';
import type { RequestContext } from './register-account.ts';
import { userAccount } from './schema.ts';
import { codeSendRefusedOutcome, consumeCodeSend, queueCodeSms } from './send-code.ts';

export type StartLoginOutcome =
	| { status: 'code_sent'; challengeId: string; phone: string }
	| { status: 'totp_required'; challengeId: string }
	| { status: 'failed' }
	| { status: 'locked'; retryAfterSeconds: number }
	| { status: 'rate_limited'; retryAfterSeconds: number };

/** The counters of failed sign-ins for an IIN/BIN: all sources together, and this source alone. */
export const loginFailureKeys = (login: string, ipAddress: string) => ({
	account: `login-fail:account:${login}`,
	accountAndIp: `${loginFailureSourcePrefix(login)}${ipAddress}`,
	ip: `login-fail:ip:${ipAddress}`
});
const loginFailureSourcePrefix = (login: string) => `login-fail:account-ip:${login}:`;

/**
 * Forgets an IIN/BIN's failed sign-ins from every source: its owner proved who they are another
 * way (the emailed recovery link), so a guesser's failures must not keep them out.
 */
export async function clearLoginFailures(db: Executor, login: string): Promise<void> {
	await resetRateLimits(db, loginFailureKeys(login, '').account, loginFailureSourcePrefix(login));
}

/**
 * First step of sign-in: IIN/BIN and password. Failures are counted per IIN/BIN (known or not, so
 * the answer never tells whether an account exists) from each IP address and from all together,
 * and per IP address; a right password leads to an SMS code, never straight to a session.
 */
export async function startLogin(
	db: Database,
	input: { login: string; password: string; isRemembered: boolean; next: string | null },
	context: RequestContext
): Promise<StartLoginOutcome> {
	const now = context.now ?? new Date();
	const typed = normalizeIdentifier(input.login);
	// No account's login has control characters (and PostgreSQL cannot even compare a NUL): such a
	// login is a failed sign-in, counted against the IIN/BIN it spells without them, so inserting
	// them is no way around the limits.
	const isLoginImpossible = hasInvalidCharacters(typed);
	const login = withoutInvalidCharacters(typed).slice(0, 20);
	const keys = loginFailureKeys(login, context.ipAddress);
	const { loginFailuresPerAccount: perAccount, loginFailuresPerAccountAndIp: perSource, loginFailuresPerIp: perIp } = LIMITS;
	const accountFailures = await peekRateLimit(db, keys.account, perAccount.windowSeconds, now);
	const sourceFailures = await peekRateLimit(db, keys.accountAndIp, perSource.windowSeconds, now);
	if (accountFailures >= perAccount.limit || sourceFailures >= perSource.limit) {
		await verifyPassword(input.password, await decoyPasswordHash());
		return { status: 'locked', retryAfterSeconds: accountFailures >= perAccount.limit ? perAccount.windowSeconds : perSource.windowSeconds };
	}
	if ((await peekRateLimit(db, keys.ip, perIp.windowSeconds, now)) >= perIp.limit) return { status: 'rate_limited', retryAfterSeconds: perIp.windowSeconds };

	const [user] = login && !isLoginImpossible ? await db.select().from(userAccount).where(eq(userAccount.login, login)) : [];
	const isPasswordRight = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
	if (!user || !user.isActive || !isPasswordRight) {
		await consumeRateLimit(db, keys.account, perAccount.limit, perAccount.windowSeconds, now);
		await consumeRateLimit(db, keys.accountAndIp, perSource.limit, perSource.windowSeconds, now);
		await consumeRateLimit(db, keys.ip, perIp.limit, perIp.windowSeconds, now);
		await recordAuditEvent(db, { action: 'auth.login_failed', actorUserId: user?.id ?? null, subject: maskIdentifier(login), ipAddress: context.ipAddress });
		return { status: 'failed' };
	}
	await resetRateLimit(db, keys.account);
	await resetRateLimit(db, keys.accountAndIp);
	if (needsRehash(user.passwordHash)) await db.update(userAccount).set({ passwordHash: await hashPassword(input.password) }).where(eq(userAccount.id, user.id));

	if (needsAuthenticator(user)) {
		// Staff answer with their authenticator app: a stronger second factor than SMS, and no SMS is sent.
		if (!user.totpSecret) return { status: 'failed' };
		const { challengeId } = await issueAuthenticatorChallenge(db, { userId: user.id, purpose: 'login', context: { isRemembered: false, next: input.next }, now });
		await recordAuditEvent(db, { action: 'auth.password_accepted', actorUserId: user.id, ipAddress: context.ipAddress });
		return { status: 'totp_required', challengeId };
	}

	return db.transaction(async (tx): Promise<StartLoginOutcome> => {
		await consumeCodeSend(tx, user.id, context.ipAddress, now);
		const { challengeId, code } = await issueOtp(tx, { userId: user.id, purpose: 'login', length: context.otpLength, context: { isRemembered: input.isRemembered, next: input.next }, now });
		await queueCodeSms(tx, { phone: user.phone ?? '', code, purpose: 'login', locale: context.locale });
		await recordAuditEvent(tx, { action: 'auth.password_accepted', actorUserId: user.id, ipAddress: context.ipAddress });
		return { status: 'code_sent', challengeId, phone: user.phone ?? '' };
	}).catch(codeSendRefusedOutcome);
}
