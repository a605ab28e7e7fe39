import { and, eq, gt, isNull } from 'drizzle-orm';
import { maskIdentifier } from '../../identity/iin-bin.ts';
import type { FieldErrors } from '../../schemas/registration.ts';
import { hashLinkToken, isLinkTokenShaped } from '../accounts/link-token.ts';
import { LIMITS } from '../accounts/limits.ts';
import { newPasswordErrors } from '../accounts/new-password.ts';
import { hashPassword } from '../accounts/password.ts';
import { consumeRateLimit } from '../accounts/rate-limit.ts';
import { userAccount } from '../accounts/schema.ts';
import { createSession, type NewSession } from '../accounts/session.ts';
import { acceptedTotpStep, newTotpSecret, totpFor } from '../accounts/totp.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database, Executor } from '../db/client.ts';
import { staffInvitation } from '../office/schema.ts';
import { NO_PASSWORD_YET } from './invite-staff.ts';

type Account = typeof userAccount.$inferSelect;

/**
 * The newcomer's side of an invitation: first a password, then an authenticator app set up with a
 * secret made for them and proven with one code. Only then is the account active, the link used
 * up and a session opened. Until that last step the link can be opened again and the steps redone.
 */

async function usableInvitation(db: Executor, token: string, now: Date): Promise<{ account: Account; tokenHash: string } | null> {
	if (!isLinkTokenShaped(token)) return null;
	const tokenHash = hashLinkToken(token);
	const [row] = await db
		.select({ account: userAccount })
		.from(staffInvitation)
		.innerJoin(userAccount, eq(userAccount.id, staffInvitation.userId))
		.where(and(eq(staffInvitation.tokenHash, tokenHash), isNull(staffInvitation.usedAt), gt(staffInvitation.expiresAt, now), eq(userAccount.isActive, false), isNull(userAccount.deactivatedAt)));
	return row ? { account: row.account, tokenHash } : null;
}

export interface InvitationView {
	name: string;
	login: string;
	/** Set once the password step is done: what the authenticator app is given (shown once the password is set). */
	authenticator: { secret: string; uri: string } | null;
}

export async function findInvitation(db: Executor, token: string, now = new Date()): Promise<InvitationView | null> {
	const found = await usableInvitation(db, token, now);
	if (!found) return null;
	const { account } = found;
	const hasPassword = account.passwordHash !== NO_PASSWORD_YET && account.totpSecret !== null;
	return {
		name: [account.lastName, account.firstName, account.patronymic].filter(Boolean).join(' '),
		login: account.login,
		authenticator: hasPassword ? { secret: account.totpSecret!, uri: totpFor(account.totpSecret!, account.login).toString() } : null
	};
}

export type InvitationPasswordOutcome = { status: 'saved' } | { status: 'invalid'; errors: FieldErrors } | { status: 'link_invalid' };

/** The password step: the same rules as everywhere; a new authenticator secret comes with it. */
export async function setInvitationPassword(db: Database, input: { token: string; password: string; passwordRepeat: string; now?: Date }): Promise<InvitationPasswordOutcome> {
	const now = input.now ?? new Date();
	const found = await usableInvitation(db, input.token, now);
	if (!found) return { status: 'link_invalid' };
	const errors = newPasswordErrors(found.account, input.password, input.passwordRepeat);
	if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
	const passwordHash = await hashPassword(input.password);
	await db.update(userAccount).set({ passwordHash, totpSecret: newTotpSecret(), totpLastStep: null }).where(and(eq(userAccount.id, found.account.id), eq(userAccount.isActive, false)));
	return { status: 'saved' };
}

export type InvitationCodeOutcome =
	| { status: 'signed_in'; session: NewSession; role: Account['role']; providerId: number | null }
	| { status: 'wrong' }
	| { status: 'rate_limited'; retryAfterSeconds: number }
	| { status: 'link_invalid' };

/** The authenticator step: a right code activates the account, uses up the link and signs the newcomer in. */
export async function confirmInvitation(db: Database, input: { token: string; code: string; userAgent?: string | null; ipAddress?: string; now?: Date }): Promise<InvitationCodeOutcome> {
	const now = input.now ?? new Date();
	const found = await usableInvitation(db, input.token, now);
	if (!found || !found.account.totpSecret || found.account.passwordHash === NO_PASSWORD_YET) return { status: 'link_invalid' };
	const { account } = found;
	// Every attempt counts, so a guesser who runs out of tries is refused even a right code.
	const limit = await consumeRateLimit(db, `invitation:${account.id}`, LIMITS.codeFailuresPerAccount.limit, LIMITS.codeFailuresPerAccount.windowSeconds, now);
	if (!limit.isAllowed) return { status: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
	const step = acceptedTotpStep(account.totpSecret!, input.code.replace(/\s/g, ''), now);
	if (step === null) return { status: 'wrong' };
	return db.transaction(async (tx) => {
		const used = await tx
			.update(staffInvitation)
			.set({ usedAt: now })
			.where(and(eq(staffInvitation.tokenHash, found.tokenHash), isNull(staffInvitation.usedAt)))
			.returning({ userId: staffInvitation.userId });
		// Two tabs confirming at once: the second finds the link already used.
		if (used.length === 0) return { status: 'link_invalid' } as const;
		await tx.update(userAccount).set({ isActive: true, activatedAt: now, totpLastStep: step }).where(eq(userAccount.id, account.id));
		const session = await createSession(tx, { userId: account.id, role: account.role, isRemembered: false, userAgent: input.userAgent, ipAddress: input.ipAddress, now });
		await recordAuditEvent(tx, { action: 'staff.invitation_accepted', actorUserId: account.id, subject: maskIdentifier(account.login), ipAddress: input.ipAddress });
		return { status: 'signed_in', session, role: account.role, providerId: account.providerId } as const;
	});
}
