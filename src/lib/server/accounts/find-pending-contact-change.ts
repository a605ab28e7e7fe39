import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { isUuid } from '../uuid.ts';
import { emailChangeToken, otpChallenge } from './schema.ts';

export interface PendingContactChange {
	/** The new phone number the open code was sent to, or null when there is no such attempt. */
	phone: string | null;
	/** The newest email address still waiting for its link to be opened. */
	email: string | null;
}

/**
 * What the client card is waiting to confirm, as the server recorded it: the code page says where
 * the code went from the attempt itself, so nothing in the address can make it name another number.
 */
export async function findPendingContactChange(db: Executor, userId: number, challengeId: string | undefined, now = new Date()): Promise<PendingContactChange> {
	let phone: string | null = null;
	if (challengeId && isUuid(challengeId)) {
		const [challenge] = await db
			.select({ context: otpChallenge.context })
			.from(otpChallenge)
			.where(and(eq(otpChallenge.id, challengeId), eq(otpChallenge.userId, userId), eq(otpChallenge.purpose, 'phone_change'), isNull(otpChallenge.consumedAt), gt(otpChallenge.expiresAt, now)));
		phone = typeof challenge?.context.newPhone === 'string' ? challenge.context.newPhone : null;
	}
	const [token] = await db
		.select({ email: emailChangeToken.newEmail })
		.from(emailChangeToken)
		.where(and(eq(emailChangeToken.userId, userId), isNull(emailChangeToken.usedAt), gt(emailChangeToken.expiresAt, now)))
		.orderBy(desc(emailChangeToken.createdAt))
		.limit(1);
	return { phone, email: token?.email ?? null };
}
