import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { otpChallenge, userAccount, type OtpPurpose } from './schema.ts';
import { acceptedTotpStep } from './totp.ts';
import { isUuid } from '../uuid.ts';

/** Limits from the security bar: codes live 10 minutes, 5 wrong tries void a code, 60 s between sends. */
export const OTP_TTL_SECONDS = 10 * 60;
export const OTP_MAX_FAILED_ATTEMPTS = 5;
export const OTP_RESEND_COOLDOWN_SECONDS = 60;

export function generateOtpCode(length: number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += String(randomInt(10));
	return code;
}

// The challenge id salts the hash, so equal codes of different attempts never hash alike.
const hashCode = (challengeId: string, code: string) => createHash('sha256').update(`${challengeId}:${code}`).digest('hex');

export interface IssuedOtp {
	challengeId: string;
	code: string;
}

export async function issueOtp(
	tx: Executor,
	input: { userId: number; purpose: OtpPurpose; length: number; context?: Record<string, unknown>; now?: Date }
): Promise<IssuedOtp> {
	const now = input.now ?? new Date();
	const code = generateOtpCode(input.length);
	const [row] = await tx
		.insert(otpChallenge)
		.values({ purpose: input.purpose, userId: input.userId, codeHash: 'pending', context: input.context ?? {}, createdAt: now, sentAt: now, expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000) })
		.returning({ id: otpChallenge.id });
	await tx.update(otpChallenge).set({ codeHash: hashCode(row!.id, code) }).where(eq(otpChallenge.id, row!.id));
	return { challengeId: row!.id, code };
}

/**
 * A challenge answered from the staff member's authenticator app. No code is made: there is nothing
 * to send, and a stored hash of an unused code would only be a secret to keep for nothing.
 */
export async function issueAuthenticatorChallenge(
	tx: Executor,
	input: { userId: number; purpose: OtpPurpose; context?: Record<string, unknown>; now?: Date }
): Promise<{ challengeId: string }> {
	const now = input.now ?? new Date();
	const [row] = await tx
		.insert(otpChallenge)
		.values({ purpose: input.purpose, userId: input.userId, codeHash: AUTHENTICATOR_MARK, context: { ...input.context, factor: 'totp' }, createdAt: now, sentAt: now, expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000) })
		.returning({ id: otpChallenge.id });
	return { challengeId: row!.id };
}
/** Stands where a code's hash would be; no hash (hex) ever equals it. */
const AUTHENTICATOR_MARK = 'authenticator';

/** `isDeliverable` is false for an attempt that can never be confirmed: its new code is sent to nobody. */
export type ResendOutcome = { status: 'resent'; code: string; userId: number; isDeliverable: boolean } | { status: 'too_soon'; retryAfterSeconds: number } | { status: 'not_found' };

/** Replaces the code of an open challenge with a new one (the old one stops working). */
export async function resendOtp(tx: Executor, challengeId: string, length: number, now = new Date()): Promise<ResendOutcome> {
	const [row] = await tx
		.select()
		.from(otpChallenge)
		.where(and(eq(otpChallenge.id, challengeId), isNull(otpChallenge.consumedAt)))
		.for('update');
	// Authenticator attempts have no code to send.
	if (!row || row.context.factor === 'totp') return { status: 'not_found' };
	const waited = (now.getTime() - row.sentAt.getTime()) / 1000;
	if (waited < OTP_RESEND_COOLDOWN_SECONDS) return { status: 'too_soon', retryAfterSeconds: Math.ceil(OTP_RESEND_COOLDOWN_SECONDS - waited) };
	const code = generateOtpCode(length);
	await tx
		.update(otpChallenge)
		.set({ codeHash: hashCode(row.id, code), failedAttempts: 0, sends: sql`${otpChallenge.sends} + 1`, sentAt: now, expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000) })
		.where(eq(otpChallenge.id, row.id));
	return { status: 'resent', code, userId: row.userId, isDeliverable: row.context.neverConfirm !== true };
}

/** Staff attempts are answered from their authenticator app; everyone else's from the SMS code. */
async function isCodeRight(tx: Executor, row: typeof otpChallenge.$inferSelect, code: string, now: Date): Promise<boolean> {
	// An attempt that must look real but never succeed (registering an IIN/BIN that already has an
	// account): every code is wrong, counted as for any other attempt.
	if (row.context.neverConfirm === true) return false;
	if (row.context.factor === 'totp') {
		const [user] = await tx.select({ totpSecret: userAccount.totpSecret, totpLastStep: userAccount.totpLastStep }).from(userAccount).where(eq(userAccount.id, row.userId)).for('update');
		const step = user?.totpSecret ? acceptedTotpStep(user.totpSecret, code, now) : null;
		if (step === null || (user!.totpLastStep !== null && step <= user!.totpLastStep)) return false;
		await tx.update(userAccount).set({ totpLastStep: step }).where(eq(userAccount.id, row.userId));
		return true;
	}
	return timingSafeEqual(Buffer.from(row.codeHash, 'hex'), Buffer.from(hashCode(row.id, code), 'hex'));
}

/** Whether an open attempt is answered with an SMS code or an authenticator code. */
export async function challengeFactor(db: Executor, challengeId: string): Promise<'sms' | 'totp' | null> {
	if (!isUuid(challengeId)) return null;
	const [row] = await db.select({ context: otpChallenge.context }).from(otpChallenge).where(and(eq(otpChallenge.id, challengeId), isNull(otpChallenge.consumedAt)));
	if (!row) return null;
	return row.context.factor === 'totp' ? 'totp' : 'sms';
}

export type VerifyOutcome =
	| { status: 'ok'; userId: number; purpose: OtpPurpose; context: Record<string, unknown> }
	| { status: 'wrong'; attemptsLeft: number; userId: number }
	| { status: 'expired' | 'exhausted' | 'not_found' };

/** Checks a code against its challenge; a right code is used up, a wrong one counts against it. */
export async function verifyOtp(tx: Executor, challengeId: string, purpose: OtpPurpose, code: string, now = new Date()): Promise<VerifyOutcome> {
	if (!isUuid(challengeId)) return { status: 'not_found' };
	const [row] = await tx
		.select()
		.from(otpChallenge)
		.where(and(eq(otpChallenge.id, challengeId), eq(otpChallenge.purpose, purpose), isNull(otpChallenge.consumedAt)))
		.for('update');
	if (!row) return { status: 'not_found' };
	if (row.failedAttempts >= OTP_MAX_FAILED_ATTEMPTS) return { status: 'exhausted' };
	if (row.expiresAt <= now) return { status: 'expired' };
	if (!(await isCodeRight(tx, row, code.replace(/\s/g, ''), now))) {
		const failedAttempts = row.failedAttempts + 1;
		await tx.update(otpChallenge).set({ failedAttempts }).where(eq(otpChallenge.id, row.id));
		return failedAttempts >= OTP_MAX_FAILED_ATTEMPTS ? { status: 'exhausted' } : { status: 'wrong', attemptsLeft: OTP_MAX_FAILED_ATTEMPTS - failedAttempts, userId: row.userId };
	}
	await tx.update(otpChallenge).set({ consumedAt: now }).where(eq(otpChallenge.id, row.id));
	return { status: 'ok', userId: row.userId, purpose: row.purpose, context: row.context };
}
