import { LIMITS } from '../accounts/limits.ts';
import { consumeRateLimit } from '../accounts/rate-limit.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { DocumentType } from '../../applications/form-definition.ts';
import { detectDocumentType } from './detect-file-type.ts';
import { assertOfficeArchiveFits } from './office-archive.ts';

export interface CheckedFile {
	tempPath: string;
	sizeBytes: number;
}

export interface FileScanner {
	scanFile(path: string): Promise<{ isInfected: false } | { isInfected: true; signature: string }>;
}

/**
 * The checks every file people send goes through before it is kept, whatever it is for (an
 * application's document, a chat attachment): uploads per person per hour, size, type by its first
 * bytes (never its name), office archives' unpacked size, then the virus scanner when one is
 * configured. Returns the type found; throws the coded reason otherwise.
 */
export async function checkReceivedFile(
	db: Executor,
	file: CheckedFile,
	rules: { uploaderId: number; maxSizeBytes: number; allowedTypes: readonly DocumentType[]; scanner: FileScanner | null; what: string }
): Promise<DocumentType> {
	const { limit, windowSeconds } = LIMITS.uploadsPerAccount;
	if (!(await consumeRateLimit(db, `upload:${rules.uploaderId}`, limit, windowSeconds)).isAllowed) throw new AppError('file.rate_limited');
	if (file.sizeBytes === 0) throw new AppError('file.missing');
	if (file.sizeBytes > rules.maxSizeBytes) throw new AppError('file.too_large');
	const type = await detectDocumentType(file.tempPath);
	if (!type || !rules.allowedTypes.includes(type)) throw new AppError('file.type_not_allowed');
	if (type === 'docx' || type === 'xlsx') await assertOfficeArchiveFits(file.tempPath);
	if (rules.scanner) {
		const verdict = await rules.scanner.scanFile(file.tempPath);
		if (verdict.isInfected) {
			console.warn(`[files] refused an infected upload for ${rules.what}: ${verdict.signature}`);
			throw new AppError('file.infected');
		}
	}
	return type;
}
