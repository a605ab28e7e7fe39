import { eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import { maskIdentifier } from '../../identity/iin-bin.ts';
import { fieldErrorsOf, registrationSchema, type FieldErrors } from '../../schemas/registration.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { LIMITS } from './limits.ts';
import { issueOtp } from './otp.ts';
import { checkPassword, decoyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { consumeRateLimit } from './rate-limit.ts';
import { userAccount } from './schema.ts';
import { codeSendRefusedOutcome, consumeCodeSend, queueCodeSms } from './send-code.ts';

/** Version of the consent text shown on the form; recorded with each registration. */
export const CONSENT_VERSION = '2026-11-24';

export type RegisterOutcome =
	| { status: 'code_sent'; challengeId: string; phone: string }
	| { status: 'invalid'; errors: FieldErrors }
	| { status: 'login_taken' }
	| { status: 'rate_limited'; retryAfterSeconds: number };

export interface RequestContext {
	locale: Locale;
	ipAddress: string;
	otpLength: number;
	now?: Date;
}

/**
 * Starts a registration: validates the manual's form, stores the account as not yet active and
 * sends the confirmation code by SMS. An IIN/BIN that already has an active account is refused
 * with a pointer to sign-in and password recovery; an unconfirmed one is taken over, since nobody
 * has proven it is theirs yet.
 */
export async function registerAccount(db: Database, form: Record<string, unknown>, context: RequestContext): Promise<RegisterOutcome> {
	const now = context.now ?? new Date();
	const parsed = registrationSchema.safeParse(form);
	const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
	const password = typeof form.password === 'string' ? form.password : '';
	if (!errors.password && password) {
		const problem = checkPassword(password, {
			login: typeof form.login === 'string' ? form.login.replace(/\D/g, '') : null,
			phone: parsed.success ? parsed.data.phone : null,
			names: [form.firstName, form.lastName, form.patronymic].map((n) => (typeof n === 'string' ? n : null))
		});
		if (problem) errors.password = `error_password_${problem}`;
	}
	if (!parsed.success || Object.keys(errors).length > 0) return { status: 'invalid', errors };
	const input = parsed.data;

	const perIp = await consumeRateLimit(db, `register:ip:${context.ipAddress}`, LIMITS.registrationsPerIp.limit, LIMITS.registrationsPerIp.windowSeconds, now);
	if (!perIp.isAllowed) return { status: 'rate_limited', retryAfterSeconds: perIp.retryAfterSeconds };

	const passwordHash = await hashPassword(input.password);
	const outcome = await db.transaction(async (tx): Promise<RegisterOutcome> => {
		const [existing] = await tx.select({ id: userAccount.id, isActive: userAccount.isActive }).from(userAccount).where(eq(userAccount.login, input.login)).for('update');
		if (existing?.isActive) return { status: 'login_taken' };
		const fields = {
			kind: input.kind,
			login: input.login,
			firstName: input.firstName,
			lastName: input.lastName,
			patronymic: input.patronymic,
			organisationName: input.kind === 'legal_entity' ? input.organisationName : null,
			email: input.email,
			phone: input.phone,
			notificationChannel: input.channel,
			locale: context.locale,
			passwordHash,
			consentVersion: CONSENT_VERSION,
			consentAt: now
		};
		const userId = existing
			? (await tx.update(userAccount).set(fields).where(eq(userAccount.id, existing.id)).returning({ id: userAccount.id }))[0]!.id
			: (await tx.insert(userAccount).values(fields).returning({ id: userAccount.id }))[0]!.id;
		await consumeCodeSend(tx, userId, context.ipAddress, now);
		const { challengeId, code } = await issueOtp(tx, { userId, purpose: 'registration', length: context.otpLength, now });
		await queueCodeSms(tx, { phone: input.phone, code, purpose: 'registration', locale: context.locale });
		await recordAuditEvent(tx, { action: 'account.registration_started', actorUserId: userId, subject: maskIdentifier(input.login), ipAddress: context.ipAddress });
		return { status: 'code_sent', challengeId, phone: input.phone };
	}).catch(codeSendRefusedOutcome);
	if (outcome.status === 'login_taken') {
		// Same work as a new registration, so the answer's timing does not tell that the IIN/BIN exists.
		await verifyPassword(input.password, await decoyPasswordHash());
	}
	return outcome;
}
