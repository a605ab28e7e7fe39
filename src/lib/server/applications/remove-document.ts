import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { FileStorage } from '../files/storage.ts';
import { assertStepEditable, findOwnApplication, formStepsOf } from './find-own-application.ts';
import { applicationDocument } from './schema.ts';
import { isUuid } from '../uuid.ts';

/** Removes a file from a draft, or from a step returned for correction (other documents stay as sent). */
export async function removeDocument(db: Database, storage: Pick<FileStorage, 'remove'>, user: SessionUser, input: { number: string; documentId: string; ipAddress?: string }): Promise<void> {
	if (!isUuid(input.documentId)) throw new AppError('document.not_found');
	const storageKey = await db.transaction(async (tx) => {
		const row = await findOwnApplication(tx, user, input.number, { forUpdate: true });
		const [document] = await tx
			.select({ requirementKey: applicationDocument.requirementKey })
			.from(applicationDocument)
			.where(and(eq(applicationDocument.id, input.documentId), eq(applicationDocument.applicationId, row.id)));
		if (!document) throw new AppError('document.not_found');
		const step = (await formStepsOf(tx, row)).find((candidate) => candidate.documents.some((requirement) => requirement.key === document.requirementKey));
		assertStepEditable(row, step?.key ?? '');
		const [removed] = await tx
			.delete(applicationDocument)
			.where(and(eq(applicationDocument.id, input.documentId), eq(applicationDocument.applicationId, row.id)))
			.returning({ storageKey: applicationDocument.storageKey, requirementKey: applicationDocument.requirementKey });
		if (!removed) throw new AppError('document.not_found');
		await recordAuditEvent(tx, { action: 'application.document_removed', actorUserId: user.id, subject: row.number, ipAddress: input.ipAddress, details: { requirement: removed.requirementKey } });
		return removed.storageKey;
	});
	await storage.remove(storageKey).catch((error: unknown) => console.error('[files] could not remove', storageKey, error));
}
