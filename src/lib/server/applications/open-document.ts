import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { FileStorage } from '../files/storage.ts';
import { findOwnApplication } from './find-own-application.ts';
import { applicationDocument, resultDocument } from './schema.ts';
import { isUuid } from '../uuid.ts';

/**
 * A document of the applicant's application for download — one they attached, or a result the
 * provider issued — with its stored bytes and how to name them.
 */
export async function openDocument(
	db: Executor,
	storage: Pick<FileStorage, 'open'>,
	user: SessionUser,
	input: { number: string; documentId: string; source?: 'attached' | 'result' }
): Promise<{ stream: Readable; originalName: string; documentType: 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx'; sizeBytes: number }> {
	const row = await findOwnApplication(db, user, input.number);
	if (!isUuid(input.documentId)) throw new AppError('document.not_found');
	const table = input.source === 'result' ? resultDocument : applicationDocument;
	const [document] = await db
		.select({ storageKey: table.storageKey, originalName: table.originalName, documentType: table.documentType, sizeBytes: table.sizeBytes })
		.from(table)
		.where(and(eq(table.id, input.documentId), eq(table.applicationId, row.id)));
	if (!document) {
		console.warn(`[access] user ${user.id} was refused a document of ${row.number}`);
		throw new AppError('document.not_found');
	}
	return { stream: await storage.open(document.storageKey), originalName: document.originalName, documentType: document.documentType, sizeBytes: document.sizeBytes };
}
