import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { loginCode, passwordCode, phoneChangeCode, registrationCode, type Notification } from '../notifications/templates.ts';
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

const TEMPLATES: Record<OtpPurpose, (locale: Locale, params: { code: string }) => Notification> = {
	registration: registrationCode,
	login: loginCode,
	password_reset: passwordCode,
	password_change: passwordCode,
	phone_change: phoneChangeCode
};

/** Queues the SMS carrying a code, in the user's language, in the caller's transaction. */
export async function queueCodeSms(tx: Executor, input: { phone: string; code: string; purpose: OtpPurpose; locale: Locale }): Promise<void> {
	await enqueueMessage(tx, { to: input.phone, ...TEMPLATES[input.purpose](input.locale, { code: input.code }) });
}
