import { eq } from 'drizzle-orm';
import { maskIdentifier } from '../../identity/iin-bin.ts';
import type { Locale } from '../../i18n/localized.ts';
import { fieldErrorsOf, type FieldErrors } from '../../schemas/registration.ts';
import { staffInvitationSchema } from '../../schemas/staff.ts';
import type { Actor } from '../access/actor.ts';
import { canManageStaff } from '../access/staff-policy.ts';
import type { AccountLinks } from '../accounts/account-links.ts';
import { hashLinkToken, newLinkToken } from '../accounts/link-token.ts';
import { userAccount } from '../accounts/schema.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database, Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { staffInvitationLink } from '../notifications/templates.ts';
import { staffInvitation } from '../office/schema.ts';
import { findProviderName } from '../office/find-provider-name.ts';

export const INVITATION_TTL_SECONDS = 72 * 60 * 60;
/** The account has no password until the invitation is used: nothing can sign in with this. */
export const NO_PASSWORD_YET = 'invited: no password yet';

export type InviteOutcome = { status: 'invited'; userId: number } | { status: 'invalid'; errors: FieldErrors };

/**
 * A provider admin invites a colleague: an inactive account of their own provider, with the role
 * chosen, and an emailed single-use link where the newcomer sets a password and an authenticator.
 * The newcomer reads the portal in the admin's language until they choose their own.
 */
export async function inviteStaff(
	db: Database,
	actor: Actor,
	fields: Record<string, string | undefined>,
	context: { locale: Locale; links: Pick<AccountLinks, 'staffInvitation'>; ipAddress?: string; now?: Date }
): Promise<InviteOutcome> {
	if (!canManageStaff(actor)) throw new AppError('staff.not_found');
	const parsed = staffInvitationSchema.safeParse({
		lastName: fields.lastName ?? '',
		firstName: fields.firstName ?? '',
		patronymic: fields.patronymic ?? '',
		login: fields.login ?? '',
		email: fields.email ?? '',
		role: fields.role ?? ''
	});
	if (!parsed.success) return { status: 'invalid', errors: fieldErrorsOf(parsed.error) };
	const input = parsed.data;
	const now = context.now ?? new Date();
	return db.transaction(async (tx) => {
		const [existing] = await tx.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.login, input.login));
		if (existing) return { status: 'invalid', errors: { login: 'error_staff_login_taken' } } as const;
		const [row] = await tx
			.insert(userAccount)
			.values({
				kind: 'individual',
				role: input.role,
				login: input.login,
				lastName: input.lastName,
				firstName: input.firstName,
				patronymic: input.patronymic || null,
				email: input.email,
				notificationChannel: 'email',
				locale: context.locale,
				passwordHash: NO_PASSWORD_YET,
				providerId: actor.providerId,
				isActive: false
			})
			.returning({ id: userAccount.id });
		await sendInvitation(tx, { userId: row!.id, email: input.email, locale: context.locale, providerId: actor.providerId!, invitedBy: actor.id, links: context.links, now });
		await recordAuditEvent(tx, { action: 'staff.invited', actorUserId: actor.id, subject: maskIdentifier(input.login), ipAddress: context.ipAddress, details: { role: input.role, userId: row!.id } });
		return { status: 'invited', userId: row!.id } as const;
	});
}

/** A new link for the person (an earlier one stops working), emailed inside the caller's transaction. */
export async function sendInvitation(
	tx: Executor,
	input: { userId: number; email: string; locale: Locale; providerId: number; invitedBy: number; links: Pick<AccountLinks, 'staffInvitation'>; now: Date }
): Promise<void> {
	await tx.delete(staffInvitation).where(eq(staffInvitation.userId, input.userId));
	const token = newLinkToken();
	await tx.insert(staffInvitation).values({ tokenHash: hashLinkToken(token), userId: input.userId, invitedByUserId: input.invitedBy, createdAt: input.now, expiresAt: new Date(input.now.getTime() + INVITATION_TTL_SECONDS * 1000) });
	const provider = (await findProviderName(tx, input.providerId, input.locale))?.text ?? '';
	await enqueueMessage(tx, { to: input.email, ...staffInvitationLink(input.locale, { link: input.links.staffInvitation(input.locale, token), provider }) });
}
