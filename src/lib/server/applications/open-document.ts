import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { FileStorage } from '../files/storage.ts';
import { findOwnApplication } from './find-own-application.ts';
import { applicationDocument } from './schema.ts';

/** A document of the applicant's application, for download: its stored bytes and how to name them. */
export async function openDocument(
	db: Executor,
	storage: Pick<FileStorage, 'open'>,
	user: SessionUser,
	input: { number: string; documentId: string }
): Promise<{ stream: Readable; originalName: string; documentType: 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx'; sizeBytes: number }> {
	const row = await findOwnApplication(db, user, input.number);
	if (!/^[0-9a-f-]{36}$/.test(input.documentId)) throw new AppError('document.not_found', 404);
	const [document] = await db
		.select()
		.from(applicationDocument)
		.where(and(eq(applicationDocument.id, input.documentId), eq(applicationDocument.applicationId, row.id)));
	if (!document) {
		console.warn(`[access] user ${user.id} was refused a document of ${row.number}`);
		throw new AppError('document.not_found', 404);
	}
	return { stream: await storage.open(document.storageKey), originalName: document.originalName, documentType: document.documentType, sizeBytes: document.sizeBytes };
}
