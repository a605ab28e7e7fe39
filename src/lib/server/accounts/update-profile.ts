import { and, eq, gt, isNull } from 'drizzle-orm';
import { fieldErrorsOf, profileSchema, type FieldErrors } from '../../schemas/registration.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { emailChangeLink } from '../notifications/templates.ts';
import type { AccountLinks } from './account-links.ts';
import { issueOtp } from './otp.ts';
import type { RequestContext } from './register-account.ts';
import { emailChangeToken, userAccount } from './schema.ts';
import { codeSendRefusedOutcome, consumeCodeSend, queueCodeSms } from './send-code.ts';
import type { SessionUser } from './session.ts';
import { hashLinkToken as hashToken, newLinkToken } from './link-token.ts';

const EMAIL_TOKEN_TTL_SECONDS = 24 * 3600;

export interface ClientCard {
	kind: 'individual' | 'legal_entity';
	login: string;
	firstName: string;
	lastName: string;
	patronymic: string | null;
	organisationName: string | null;
	email: string;
	phone: string;
	channel: 'sms' | 'email';
}

/** The signed-in user's own client card; there is no way to ask for someone else's. */
export async function getClientCard(db: Database, actor: SessionUser): Promise<ClientCard> {
	const [user] = await db.select().from(userAccount).where(eq(userAccount.id, actor.id));
	return {
		kind: user!.kind,
		login: user!.login,
		firstName: user!.firstName,
		lastName: user!.lastName,
		patronymic: user!.patronymic,
		organisationName: user!.organisationName,
		email: user!.email ?? '',
		phone: user!.phone ?? '',
		channel: user!.notificationChannel
	};
}

export type UpdateProfileOutcome =
	| { status: 'invalid'; errors: FieldErrors }
	| { status: 'saved'; pendingPhone: { challengeId: string; phone: string } | null; pendingEmail: string | null }
	| { status: 'rate_limited'; retryAfterSeconds: number };

/**
 * Saves the client card. Names and the notification channel change at once; a new phone number
 * waits for the code sent to it, a new email address for the link sent to it.
 */
export async function updateProfile(db: Database, actor: SessionUser, form: Record<string, unknown>, context: RequestContext & { links: AccountLinks }): Promise<UpdateProfileOutcome> {
	const now = context.now ?? new Date();
	const parsed = profileSchema.safeParse(form);
	if (!parsed.success) return { status: 'invalid', errors: fieldErrorsOf(parsed.error) };
	const input = parsed.data;
	const card = await getClientCard(db, actor);
	if (card.kind === 'legal_entity' && !input.organisationName) return { status: 'invalid', errors: { organisationName: 'error_required' } };

	return db.transaction(async (tx): Promise<UpdateProfileOutcome> => {
		await tx
			.update(userAccount)
			.set({ firstName: input.firstName, lastName: input.lastName, patronymic: input.patronymic, organisationName: card.kind === 'legal_entity' ? input.organisationName : null, notificationChannel: input.channel })
			.where(eq(userAccount.id, actor.id));
		let pendingPhone: { challengeId: string; phone: string } | null = null;
		if (input.phone !== card.phone) {
			await consumeCodeSend(tx, actor.id, context.ipAddress, now);
			const { challengeId, code } = await issueOtp(tx, { userId: actor.id, purpose: 'phone_change', length: context.otpLength, context: { newPhone: input.phone, next: context.links.profileSaved(context.locale) }, now });
			await queueCodeSms(tx, { phone: input.phone, code, purpose: 'phone_change', locale: context.locale });
			pendingPhone = { challengeId, phone: input.phone };
		}
		let pendingEmail: string | null = null;
		if (input.email.toLowerCase() !== card.email.toLowerCase()) {
			const token = newLinkToken();
			await tx.insert(emailChangeToken).values({ tokenHash: hashToken(token), userId: actor.id, newEmail: input.email, createdAt: now, expiresAt: new Date(now.getTime() + EMAIL_TOKEN_TTL_SECONDS * 1000) });
			const link = context.links.emailChange(context.locale, token);
			await enqueueMessage(tx, { to: input.email, ...emailChangeLink(context.locale, { link }) });
			pendingEmail = input.email;
		}
		await recordAuditEvent(tx, { action: 'account.profile_updated', actorUserId: actor.id, ipAddress: context.ipAddress, details: { phoneChange: !!pendingPhone, emailChange: !!pendingEmail } });
		return { status: 'saved', pendingPhone, pendingEmail };
	}).catch(codeSendRefusedOutcome);
}

/** The address a still-usable email link would confirm, or null. */
export async function pendingEmailOf(db: Database, token: string, now = new Date()): Promise<string | null> {
	if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
	const [row] = await db
		.select({ newEmail: emailChangeToken.newEmail })
		.from(emailChangeToken)
		.where(and(eq(emailChangeToken.tokenHash, hashToken(token)), isNull(emailChangeToken.usedAt), gt(emailChangeToken.expiresAt, now)));
	return row?.newEmail ?? null;
}

/** Applies a new email address from the link sent to it. */
export async function confirmEmailChange(db: Database, token: string, now = new Date()): Promise<boolean> {
	if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return false;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(emailChangeToken)
			.set({ usedAt: now })
			.where(and(eq(emailChangeToken.tokenHash, hashToken(token)), isNull(emailChangeToken.usedAt), gt(emailChangeToken.expiresAt, now)))
			.returning();
		if (!row) return false;
		await tx.update(userAccount).set({ email: row.newEmail }).where(eq(userAccount.id, row.userId));
		await recordAuditEvent(tx, { action: 'account.email_changed', actorUserId: row.userId });
		return true;
	});
}
