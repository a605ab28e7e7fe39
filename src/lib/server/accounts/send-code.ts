import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { consumeRateLimit } from './rate-limit.ts';
import { LIMITS } from './limits.ts';
import type { OtpPurpose } from './schema.ts';

/**
 * A code may not be sent now. It is thrown inside the caller's transaction, so whatever the step
 * wrote before (a new account row, a used reset link, changed names) is rolled back with it.
 */
export class CodeSendRefused extends Error {
	readonly retryAfterSeconds: number;
	constructor(retryAfterSeconds: number) {
		super('code_send_refused');
		this.retryAfterSeconds = retryAfterSeconds;
	}
}

/** Counts a code send against the account and the IP address; throws CodeSendRefused past either limit. */
export async function consumeCodeSend(db: Executor, userId: number, ipAddress: string, now: Date): Promise<void> {
	const perAccount = await consumeRateLimit(db, `code-send:user:${userId}`, LIMITS.codeSendsPerAccount.limit, LIMITS.codeSendsPerAccount.windowSeconds, now);
	const perIp = await consumeRateLimit(db, `code-send:ip:${ipAddress}`, LIMITS.codeSendsPerIp.limit, LIMITS.codeSendsPerIp.windowSeconds, now);
	if (perAccount.isAllowed && perIp.isAllowed) return;
	throw new CodeSendRefused(Math.max(perAccount.isAllowed ? 0 : perAccount.retryAfterSeconds, perIp.isAllowed ? 0 : perIp.retryAfterSeconds));
}

/** For `.catch` on a transaction that may stop at CodeSendRefused: its `rate_limited` outcome. */
export function codeSendRefusedOutcome(error: unknown): { status: 'rate_limited'; retryAfterSeconds: number } {
	if (error instanceof CodeSendRefused) return { status: 'rate_limited', retryAfterSeconds: error.retryAfterSeconds };
	throw error;
}

const TEXTS: Partial<Record<OtpPurpose, (inputs: { code: string }, options: { locale: Locale }) => string>> = {
	registration: m.sms_code_registration,
	login: m.sms_code_login,
	password_reset: m.sms_code_password_reset,
	password_change: m.sms_code_password_reset,
	phone_change: m.sms_code_phone_change
};

/** Queues the SMS carrying a code, in the user's language, in the caller's transaction. */
export async function queueCodeSms(tx: Executor, input: { phone: string; code: string; purpose: OtpPurpose; locale: Locale }): Promise<void> {
	const text = (TEXTS[input.purpose] ?? m.sms_code_login)({ code: input.code }, { locale: input.locale });
	await enqueueMessage(tx, { channel: 'sms', to: input.phone, text });
}
