import { eq } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import type { FileStorage } from '../files/storage.ts';
import { assertDraft, findOwnApplication } from './find-own-application.ts';
import { application, applicationDocument } from './schema.ts';

/** Deletes a draft that was never sent, with its answers and files. */
export async function deleteDraft(db: Database, storage: Pick<FileStorage, 'remove'>, user: SessionUser, input: { number: string; ipAddress?: string }): Promise<void> {
	const storageKeys = await db.transaction(async (tx) => {
		const row = await findOwnApplication(tx, user, input.number, { forUpdate: true });
		assertDraft(row);
		const files = await tx.select({ storageKey: applicationDocument.storageKey }).from(applicationDocument).where(eq(applicationDocument.applicationId, row.id));
		await tx.delete(application).where(eq(application.id, row.id));
		await recordAuditEvent(tx, { action: 'application.draft_deleted', actorUserId: user.id, subject: row.number, ipAddress: input.ipAddress });
		return files.map((file) => file.storageKey);
	});
	// Files go only after the rows are gone for good; a failed removal leaves an orphan, never a dangling row.
	for (const key of storageKeys) await storage.remove(key).catch((error: unknown) => console.error('[files] could not remove', key, error));
}
