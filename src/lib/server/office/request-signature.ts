import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { allowedTransitions, officeRole } from '../access/application-policy.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { findApplicationIn } from '../applications/find-own-application.ts';
import { resultDocument } from '../applications/schema.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';

/**
 * Sends the documents that need signatures (the applicant's, the provider's or both) to be signed: from this moment their
 * bytes are frozen (what is signed is exactly what was sent), and the application waits on the
 * applicant, its clock stopped. Refused when there is nothing to sign.
 */
export async function requestSignature(db: Database, actor: Actor, input: { number: string; ipAddress?: string; now?: Date }): Promise<void> {
	const now = input.now ?? new Date();
	await db.transaction(async (tx) => {
		const row = await findApplicationIn('office', tx, actor, input.number, { forUpdate: true });
		const role = officeRole(actor);
		if (!role || !allowedTransitions(actor, row.status).includes('request_signature')) throw new AppError('application.transition_not_allowed');
		const frozen = await tx
			.update(resultDocument)
			.set({ frozenAt: now })
			.where(and(eq(resultDocument.applicationId, row.id), sql`${resultDocument.signers} <> '[]'::jsonb`, isNull(resultDocument.frozenAt)))
			.returning({ id: resultDocument.id });
		if (frozen.length === 0) throw new AppError('office.nothing_to_sign');
		await applyTransition(tx, row, { action: 'request_signature', actor: role, actorUserId: actor.id, ipAddress: input.ipAddress, now });
	});
}
