import type { SessionUser } from '../accounts/session.ts';
import type { Database } from '../db/client.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import type { ReceivedFormFile } from '../files/receive-form.ts';
import type { FileStorage } from '../files/storage.ts';
import { attachDocument, type FileScanner } from './attach-document.ts';

export interface StepFileServices {
	storage: FileStorage;
	scanner: FileScanner | null;
}

/**
 * Keeps each file received with a step's form (inputs named `file:<requirement>`, a replaced file
 * named by the field `replace:<requirement>`) or gives the code of the reason it was refused, by
 * requirement: the first reason when several files of one requirement were refused. Every temp file
 * is discarded, kept or not, also when an unexpected failure ends the loop early.
 */
export async function attachStepFiles(
	db: Database,
	services: StepFileServices,
	user: SessionUser,
	input: { number: string; files: ReceivedFormFile[]; fields: Record<string, string>; ipAddress?: string }
): Promise<Record<string, ErrorCode>> {
	const problems: Record<string, ErrorCode> = {};
	let handled = 0;
	try {
		for (const entry of input.files) {
			const requirementKey = entry.fieldName.replace(/^file:/, '');
			try {
				if (entry.error) throw entry.error;
				await attachDocument(db, services.storage, services.scanner, user, {
					number: input.number,
					requirementKey,
					file: entry.file!,
					ipAddress: input.ipAddress,
					replacesDocumentId: input.fields[`replace:${requirementKey}`] || undefined
				});
			} catch (cause) {
				if (!(cause instanceof AppError)) throw cause;
				problems[requirementKey] ??= cause.code;
			} finally {
				handled++;
				await entry.discard();
			}
		}
	} finally {
		await Promise.all(input.files.slice(handled).map((entry) => entry.discard()));
	}
	return problems;
}
