import { eq } from 'drizzle-orm';
import { maskIdentifier, normalizeIdentifier } from '../../identity/iin-bin.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { LIMITS } from './limits.ts';
import { issueOtp } from './otp.ts';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password.ts';
import { consumeRateLimit, peekRateLimit, resetRateLimit } from './rate-limit.ts';
import type { RequestContext } from './register-account.ts';
import { userAccount } from './schema.ts';
import { codeSendRefusedOutcome, consumeCodeSend, queueCodeSms } from './send-code.ts';

export type StartLoginOutcome =
	| { status: 'code_sent'; challengeId: string; phone: string }
	| { status: 'totp_required'; challengeId: string }
	| { status: 'failed' }
	| { status: 'locked'; retryAfterSeconds: number }
	| { status: 'rate_limited'; retryAfterSeconds: number };

/**
 * First step of sign-in: IIN/BIN and password. Failures are counted per IIN/BIN (known or not, so
 * the answer never tells whether an account exists) and per IP address; a right password leads to
 * an SMS code, never straight to a session.
 */
export async function startLogin(
	db: Database,
	input: { login: string; password: string; isRemembered: boolean; next: string | null },
	context: RequestContext
): Promise<StartLoginOutcome> {
	const now = context.now ?? new Date();
	const login = normalizeIdentifier(input.login).slice(0, 20);
	const accountKey = `login-fail:account:${login}`;
	const ipKey = `login-fail:ip:${context.ipAddress}`;
	const { loginFailuresPerAccount: perAccount, loginFailuresPerIp: perIp } = LIMITS;
	if ((await peekRateLimit(db, accountKey, perAccount.windowSeconds, now)) >= perAccount.limit) {
		await verifyPassword(input.password, await decoyPasswordHash());
		return { status: 'locked', retryAfterSeconds: perAccount.windowSeconds };
	}
	if ((await peekRateLimit(db, ipKey, perIp.windowSeconds, now)) >= perIp.limit) return { status: 'rate_limited', retryAfterSeconds: perIp.windowSeconds };

	const [user] = login ? await db.select().from(userAccount).where(eq(userAccount.login, login)) : [];
	const isPasswordRight = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
	if (!user || !user.isActive || !isPasswordRight) {
		await consumeRateLimit(db, accountKey, perAccount.limit, perAccount.windowSeconds, now);
		await consumeRateLimit(db, ipKey, perIp.limit, perIp.windowSeconds, now);
		await recordAuditEvent(db, { action: 'auth.login_failed', actorUserId: user?.id ?? null, subject: maskIdentifier(login), ipAddress: context.ipAddress });
		return { status: 'failed' };
	}
	await resetRateLimit(db, accountKey);
	if (needsRehash(user.passwordHash)) await db.update(userAccount).set({ passwordHash: await hashPassword(input.password) }).where(eq(userAccount.id, user.id));

	if (user.role !== 'applicant') {
		// Staff answer with their authenticator app: a stronger second factor than SMS, and no SMS is sent.
		if (!user.totpSecret) return { status: 'failed' };
		const { challengeId } = await issueOtp(db, { userId: user.id, purpose: 'login', length: 8, context: { factor: 'totp', isRemembered: false, next: input.next }, now });
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
