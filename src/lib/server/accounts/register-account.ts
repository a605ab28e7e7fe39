import { eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import { maskIdentifier } from '../../identity/iin-bin.ts';
import { fieldErrorsOf, registrationSchema, type FieldErrors } from '../../schemas/registration.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database, Executor } from '../db/client.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { registrationAttempt } from '../notifications/templates.ts';
import { LIMITS } from './limits.ts';
import { issueOtp } from './otp.ts';
import { checkPassword, decoyPasswordHash, hashPassword } from './password.ts';
import { consumeRateLimit } from './rate-limit.ts';
import { userAccount } from './schema.ts';
import { CodeSendRefused, codeSendRefusedOutcome, consumeCodeSend, queueCodeSms } from './send-code.ts';

/** Version of the consent text shown on the form; recorded with each registration. */
export const CONSENT_VERSION = '2026-11-24';

export type RegisterOutcome =
	| { status: 'code_sent'; challengeId: string; phone: string }
	| { status: 'invalid'; errors: FieldErrors }
	| { status: 'rate_limited'; retryAfterSeconds: number };

export interface RequestContext {
	locale: Locale;
	ipAddress: string;
	otpLength: number;
	now?: Date;
}

/**
 * Starts a registration: validates the manual's form, stores the account as not yet active and
 * sends the confirmation code by SMS. An unconfirmed IIN/BIN is taken over, since nobody has proven
 * it is theirs yet.
 *
 * An IIN/BIN that already has an active account gets exactly the answer of a new registration
 * (SECURITY.md: the answer never tells whether an account exists), with the same work done: the
 * password hashed, a challenge issued, an SMS queued. But the account is not touched, the
 * challenge can never be confirmed (see `decoyChallenge`), and the SMS goes to the owner's own
 * phone, in their language, saying someone tried to register with their IIN/BIN.
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
	return db.transaction(async (tx): Promise<RegisterOutcome> => {
		const [existing] = await tx
			.select({ id: userAccount.id, isActive: userAccount.isActive, phone: userAccount.phone, locale: userAccount.locale })
			.from(userAccount)
			.where(eq(userAccount.login, input.login))
			.for('update');
		if (existing?.isActive) {
			const challengeId = await decoyChallenge(tx, existing, context, now);
			await recordAuditEvent(tx, { action: 'account.registration_attempted', actorUserId: existing.id, subject: maskIdentifier(input.login), ipAddress: context.ipAddress });
			return { status: 'code_sent', challengeId, phone: input.phone };
		}
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
}

/**
 * Who the attempts of registrations with an already active IIN/BIN belong to: one inactive
 * placeholder account that nobody can sign in to (its login is no IIN/BIN and cannot even be
 * typed: the `-` is dropped from what people type), made the first time it is needed.
 */
const DECOY_LOGIN = 'registration-decoy';

async function decoyAccountId(tx: Executor): Promise<number> {
	const find = () => tx.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.login, DECOY_LOGIN));
	const [found] = await find();
	if (found) return found.id;
	const [created] = await tx
		.insert(userAccount)
		.values({ kind: 'individual', login: DECOY_LOGIN, firstName: '', lastName: '', passwordHash: await decoyPasswordHash(), isActive: false })
		.onConflictDoNothing({ target: userAccount.login })
		.returning({ id: userAccount.id });
	return created?.id ?? (await find())[0]!.id;
}

/**
 * The attempt a registration with an already active IIN/BIN is given, and the owner's warning.
 *
 * The challenge is a real registration attempt, so the code page opens and answers just as for a
 * new registration ("wrong code, attempts left"), but it is marked `neverConfirm`: every code is
 * wrong and a resend sends nothing. It belongs to the placeholder account, not the owner's, so a
 * resend cannot use up the code sends the owner's own sign-in needs.
 *
 * The limits are those of a new registration (code sends per IP address, five attempts per IIN/BIN
 * in 30 minutes, then `rate_limited`), and the warning goes at most once a day.
 */
async function decoyChallenge(tx: Executor, owner: { id: number; phone: string | null; locale: Locale }, context: RequestContext, now: Date): Promise<string> {
	const { codeSendsPerAccount, codeSendsPerIp, registrationNoticesPerAccount: notices } = LIMITS;
	const perAccount = await consumeRateLimit(tx, `register-existing:user:${owner.id}`, codeSendsPerAccount.limit, codeSendsPerAccount.windowSeconds, now);
	// The same per-IP counter consumeCodeSend keeps, so refusals come at the same point.
	const perIp = await consumeRateLimit(tx, `code-send:ip:${context.ipAddress}`, codeSendsPerIp.limit, codeSendsPerIp.windowSeconds, now);
	if (!perAccount.isAllowed || !perIp.isAllowed) throw new CodeSendRefused(Math.max(perAccount.isAllowed ? 0 : perAccount.retryAfterSeconds, perIp.isAllowed ? 0 : perIp.retryAfterSeconds));
	const { challengeId } = await issueOtp(tx, { userId: await decoyAccountId(tx), purpose: 'registration', length: context.otpLength, context: { neverConfirm: true }, now });
	const notice = await consumeRateLimit(tx, `registration-notice:user:${owner.id}`, notices.limit, notices.windowSeconds, now);
	if (notice.isAllowed && owner.phone) await enqueueMessage(tx, { to: owner.phone, ...registrationAttempt(owner.locale) });
	return challengeId;
}
