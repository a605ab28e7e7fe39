import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { checkReceivedFile, type FileScanner } from '../files/check-received-file.ts';
import type { FileStorage } from '../files/storage.ts';
import { assertStepEditable, findOwnApplication, formStepsOf } from './find-own-application.ts';
import { applicationDocument } from './schema.ts';
import { isUuid } from '../uuid.ts';

export interface ReceivedFile {
	tempPath: string;
	originalName: string;
	sizeBytes: number;
	sha256: string;
}

export type { FileScanner };

/**
 * Attaches a received file to a draft for one of its document requirements. The file is checked
 * before it is kept: size and count by the requirement's rules, type by its first bytes (never its
 * name), then the virus scanner when one is configured. The row is written only once the file is
 * in storage; if the row cannot be written, the stored file is removed again.
 */
export async function attachDocument(
	db: Database,
	storage: FileStorage,
	scanner: FileScanner | null,
	user: SessionUser,
	input: { number: string; requirementKey: string; file: ReceivedFile; ipAddress?: string; replacesDocumentId?: string }
): Promise<{ id: string }> {
	const locate = async () => {
		const row = await findOwnApplication(db, user, input.number);
		for (const step of await formStepsOf(db, row)) {
			const requirement = step.documents.find((candidate) => candidate.key === input.requirementKey);
			if (requirement) {
				assertStepEditable(row, step.key);
				return { row, step, requirement };
			}
		}
		throw new AppError('application.document_requirement_not_found');
	};
	const { step, requirement } = await locate();
	const type = await checkReceivedFile(db, input.file, { uploaderId: user.id, maxSizeBytes: requirement.maxSizeBytes, allowedTypes: requirement.allowedTypes, scanner, what: input.number });

	const storageKey = `applications/${randomUUID()}`;
	await storage.save(storageKey, input.file.tempPath);
	try {
		const result = await db.transaction(async (tx) => {
			// Checked again under the draft's lock: parallel uploads must not exceed the count, and the
			// draft may have been sent meanwhile.
			const row = await findOwnApplication(tx, user, input.number, { forUpdate: true });
			assertStepEditable(row, step.key);
			const [{ attached }] = (await tx
				.select({ attached: count() })
				.from(applicationDocument)
				.where(and(eq(applicationDocument.applicationId, row.id), eq(applicationDocument.requirementKey, requirement.key)))) as [{ attached: number }];
			// Replacing: the old file goes in the same transaction as the new one comes, so the
			// document is never missing in between.
			let replaced: { storageKey: string } | undefined;
			if (input.replacesDocumentId) {
				if (!isUuid(input.replacesDocumentId)) throw new AppError('document.not_found');
				[replaced] = await tx
					.delete(applicationDocument)
					.where(and(eq(applicationDocument.id, input.replacesDocumentId), eq(applicationDocument.applicationId, row.id), eq(applicationDocument.requirementKey, requirement.key)))
					.returning({ storageKey: applicationDocument.storageKey });
				if (!replaced) throw new AppError('document.not_found');
			}
			if (attached - (replaced ? 1 : 0) >= requirement.maxFiles) throw new AppError('file.too_many');
			const [created] = await tx
				.insert(applicationDocument)
				.values({
					applicationId: row.id,
					stepKey: step.key,
					requirementKey: requirement.key,
					storageKey,
					originalName: input.file.originalName,
					documentType: type,
					sizeBytes: input.file.sizeBytes,
					sha256: input.file.sha256,
					uploadedByUserId: user.id
				})
				.returning({ id: applicationDocument.id });
			await recordAuditEvent(tx, {
				action: replaced ? 'application.document_replaced' : 'application.document_attached',
				actorUserId: user.id,
				subject: row.number,
				ipAddress: input.ipAddress,
				details: { requirement: requirement.key, sha256: input.file.sha256 }
			});
			return { id: created!.id, replacedStorageKey: replaced?.storageKey ?? null };
		});
		if (result.replacedStorageKey) await storage.remove(result.replacedStorageKey).catch((error: unknown) => console.error('[files] could not remove', result.replacedStorageKey, error));
		return { id: result.id };
	} catch (error) {
		await storage.remove(storageKey).catch(() => undefined);
		throw error;
	}
}
