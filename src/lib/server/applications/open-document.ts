import type { Readable } from 'node:stream';
import { and, eq, ne } from 'drizzle-orm';
import type { SessionUser } from '../accounts/session.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { FileStorage } from '../files/storage.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { findApplicationIn, type Area } from './find-own-application.ts';
import { applicationDocument, applicationMessage, messageAttachment, resultDocument } from './schema.ts';
import { isUuid } from '../uuid.ts';

/**
 * A document of an application for download — one the applicant attached, a result the provider
 * issued, or a file sent in the thread (a note's only in the office) — with its stored bytes and how to name them, for the applicant in the cabinet or the
 * provider's staff in the office.
 */
export async function openDocument(
	db: Executor,
	storage: Pick<FileStorage, 'open'>,
	user: SessionUser,
	input: { number: string; documentId: string; source?: 'attached' | 'result' | 'message'; area?: Area; ipAddress?: string }
): Promise<{ stream: Readable; originalName: string; documentType: 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx'; sizeBytes: number }> {
	const area = input.area ?? 'cabinet';
	const row = await findApplicationIn(area, db, user, input.number);
	if (!isUuid(input.documentId)) throw new AppError('document.not_found');
	const [document] =
		input.source === 'message'
			? await db
					.select({ storageKey: messageAttachment.storageKey, originalName: messageAttachment.originalName, documentType: messageAttachment.documentType, sizeBytes: messageAttachment.sizeBytes })
					.from(messageAttachment)
					.innerJoin(applicationMessage, eq(applicationMessage.id, messageAttachment.messageId))
					.where(and(eq(messageAttachment.id, input.documentId), eq(messageAttachment.applicationId, row.id), area === 'cabinet' ? ne(applicationMessage.kind, 'note') : undefined))
			: await documentOf(db, input.source === 'result' ? resultDocument : applicationDocument, input.documentId, row.id);
	if (!document) {
		console.warn(`[access] user ${user.id} was refused a document of ${row.number}`);
		throw new AppError('document.not_found');
	}
	// Staff reading an applicant's documents is on the record, each time.
	if (area === 'office') {
		await recordAuditEvent(db, { action: 'application.document_opened', actorUserId: user.id, subject: row.number, ipAddress: input.ipAddress, details: { document: input.documentId, source: input.source ?? 'attached' } });
	}
	return { stream: await storage.open(document.storageKey), originalName: document.originalName, documentType: document.documentType, sizeBytes: document.sizeBytes };
}

async function documentOf(db: Executor, table: typeof resultDocument | typeof applicationDocument, id: string, applicationId: number) {
	return db
		.select({ storageKey: table.storageKey, originalName: table.originalName, documentType: table.documentType, sizeBytes: table.sizeBytes })
		.from(table)
		.where(and(eq(table.id, id), eq(table.applicationId, applicationId)));
}
