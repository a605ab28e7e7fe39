import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { resendOtp } from './otp.ts';
import type { RequestContext } from './register-account.ts';
import { userAccount, type OtpPurpose } from './schema.ts';
import { codeSendRefusedOutcome, consumeCodeSend, queueCodeSms } from './send-code.ts';
import { isUuid } from '../uuid.ts';

export type ResendCodeOutcome = { status: 'resent' } | { status: 'too_soon' | 'rate_limited'; retryAfterSeconds: number } | { status: 'not_found' };

/** Sends a new code for an open attempt; the previous code stops working. */
export async function resendCode(db: Database, input: { challengeId: string; purpose: OtpPurpose }, context: RequestContext): Promise<ResendCodeOutcome> {
	if (!isUuid(input.challengeId)) return { status: 'not_found' };
	const now = context.now ?? new Date();
	return db.transaction(async (tx): Promise<ResendCodeOutcome> => {
		const resent = await resendOtp(tx, input.challengeId, context.otpLength, now);
		if (resent.status !== 'resent') return resent;
		// Refused, the transaction rolls back, so the old code stays valid when the new one may not be sent.
		await consumeCodeSend(tx, resent.userId, context.ipAddress, now);
		if (!resent.isDeliverable) return { status: 'resent' };
		const [user] = await tx.select({ phone: userAccount.phone }).from(userAccount).where(eq(userAccount.id, resent.userId));
		if (user?.phone) await queueCodeSms(tx, { phone: user.phone, code: resent.code, purpose: input.purpose, locale: context.locale });
		return { status: 'resent' };
	}).catch(codeSendRefusedOutcome);
}
