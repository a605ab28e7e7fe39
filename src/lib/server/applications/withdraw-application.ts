import type { SessionUser } from '../accounts/session.ts';
import type { Database } from '../db/client.ts';
import { applyTransition } from './apply-transition.ts';
import { findOwnApplication } from './find-own-application.ts';

/** The applicant takes a sent application back; allowed until a decision is made on it. */
export async function withdrawApplication(db: Database, user: SessionUser, input: { number: string; ipAddress?: string; now?: Date }): Promise<void> {
	const now = input.now ?? new Date();
	await db.transaction(async (tx) => {
		const row = await findOwnApplication(tx, user, input.number, { forUpdate: true });
		await applyTransition(tx, row, { action: 'withdraw', actor: 'applicant', actorUserId: user.id, ipAddress: input.ipAddress, now });
	});
}
