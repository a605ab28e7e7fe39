import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DocumentType } from '../../applications/form-definition.ts';
import { multiLineText } from '../../schemas/text.ts';
import type { Actor } from '../access/actor.ts';
import { isApplicant } from '../access/actor.ts';
import { officeRole } from '../access/application-policy.ts';
import type { Database } from '../db/client.ts';
import { AppError, errorMessageKey } from '../errors.ts';
import { checkReceivedFile, type FileScanner } from '../files/check-received-file.ts';
import type { ReceivedFile } from '../files/receive-form.ts';
import type { FileStorage } from '../files/storage.ts';
import { APPLICATION_EVENT_CHANNEL } from './apply-transition.ts';
import { findApplicationIn, type Area } from './find-own-application.ts';
import { application, applicationMessage, applicationReadMark, messageAttachment } from './schema.ts';

export const MESSAGE_MAX_LENGTH = 4000;
/** What a chat attachment may be: the document types applications take, up to 10 MB. */
export const ATTACHMENT_RULES = { maxSizeBytes: 10 * 1024 * 1024, allowedTypes: ['pdf', 'jpeg', 'png', 'docx', 'xlsx'] as readonly DocumentType[] };

export type PostMessageOutcome = { status: 'posted'; id: number } | { status: 'invalid'; error: string };

export interface MessageFile {
	file: ReceivedFile;
	storage: Pick<FileStorage, 'save' | 'remove'>;
	scanner: FileScanner | null;
}

/**
 * A message in an application's thread: from the applicant in the cabinet, from the provider's
 * staff in the office, or a staff note that only the office sees. The thread exists once the
 * application is sent. In one transaction: the message, the thread's newest-message marker (not for
 * notes, so the applicant's envelope never opens on something they cannot read), the author's read
 * mark, and the realtime event for open pages. A file sent with it is checked like an application's
 * documents and stored first; if the message cannot be written, the stored file is removed again.
 */
export async function postMessage(db: Database, actor: Actor, input: { number: string; area: Area; text: string; isNote?: boolean; attachment?: MessageFile | null; now?: Date }): Promise<PostMessageOutcome> {
	const attachment = input.attachment ?? null;
	// A file may go alone; without one, the text is required.
	const text = attachment && input.text.trim() === '' ? ({ success: true, data: '' } as const) : multiLineText(MESSAGE_MAX_LENGTH).safeParse(input.text);
	const now = input.now ?? new Date();
	if (input.area === 'cabinet' ? !isApplicant(actor) : officeRole(actor) === null) throw new AppError('application.not_found');
	// Nobody outside the thread gets as far as a file check or the storage.
	const reached = await findApplicationIn(input.area, db, actor, input.number);
	if (reached.status === 'draft') throw new AppError('application.not_editable');
	if (!text.success) return { status: 'invalid', error: text.error.issues[0]!.message };
	let stored: { storageKey: string; type: DocumentType } | null = null;
	if (attachment) {
		try {
			const type = await checkReceivedFile(db, attachment.file, { uploaderId: actor.id, ...ATTACHMENT_RULES, scanner: attachment.scanner, what: input.number });
			stored = { storageKey: `messages/${randomUUID()}`, type };
		} catch (error) {
			if (error instanceof AppError && error.code.startsWith('file.')) return { status: 'invalid', error: errorMessageKey(error.code) };
			throw error;
		}
		await attachment.storage.save(stored.storageKey, attachment.file.tempPath);
	}
	try {
		return await insertMessage(db, actor, { ...input, body: text.data, file: stored && attachment ? { ...stored, received: attachment.file } : null, now });
	} catch (error) {
		// The message was not written: its file must not stay behind in the storage.
		if (stored) await attachment!.storage.remove(stored.storageKey).catch(() => undefined);
		throw error;
	}
}

async function insertMessage(
	db: Database,
	actor: Actor,
	input: { number: string; area: Area; body: string; isNote?: boolean; file: { storageKey: string; type: DocumentType; received: ReceivedFile } | null; now: Date }
): Promise<PostMessageOutcome> {
	const now = input.now;
	return db.transaction(async (tx) => {
		const row = await findApplicationIn(input.area, tx, actor, input.number, { forUpdate: true });
		if (row.status === 'draft') throw new AppError('application.not_editable');
		const kind = input.area === 'cabinet' ? 'applicant' : input.isNote ? 'note' : 'staff';
		const [message] = await tx
			.insert(applicationMessage)
			.values({ applicationId: row.id, kind, authorUserId: actor.id, body: input.body, createdAt: now })
			.returning({ id: applicationMessage.id });
		if (input.file) {
			const { received } = input.file;
			await tx.insert(messageAttachment).values({
				messageId: message!.id,
				applicationId: row.id,
				storageKey: input.file.storageKey,
				originalName: received.originalName,
				documentType: input.file.type,
				sizeBytes: received.sizeBytes,
				sha256: received.sha256,
				createdAt: now
			});
		}
		if (kind !== 'note') await tx.update(application).set({ lastMessageId: message!.id, updatedAt: now }).where(eq(application.id, row.id));
		await tx
			.insert(applicationReadMark)
			.values({ applicationId: row.id, userId: actor.id, lastReadMessageId: message!.id })
			.onConflictDoUpdate({
				target: [applicationReadMark.applicationId, applicationReadMark.userId],
				set: { lastReadMessageId: sql`greatest(${applicationReadMark.lastReadMessageId}, excluded.last_read_message_id)` }
			});
		await tx.execute(sql`select pg_notify(${APPLICATION_EVENT_CHANNEL}, ${JSON.stringify({ applicationId: row.id, messageId: message!.id, isNote: kind === 'note' })})`);
		return { status: 'posted', id: message!.id };
	});
}
