import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import busboy, { type Busboy } from 'busboy';
import { AppError } from '../errors.ts';
import { safeDisplayName } from './sanitize-filename.ts';

/**
 * Reads a form posted as `multipart/form-data` as a stream: its text fields, and each chosen file
 * written chunk by chunk to a temp file while its SHA-256 and size are computed. Memory does not
 * grow with the files. A file over the limit is cut off at the first byte too many and reported
 * with its own error, while the rest of the form is still read: an oversized attachment must not
 * lose what the applicant typed. Nothing here trusts a file's name or Content-Type.
 */

export interface ReceivedFile {
	/** A random name in the temp directory. */
	tempPath: string;
	/** For display only; never used as a path. */
	originalName: string;
	sizeBytes: number;
	/** Hex SHA-256 of the bytes received. */
	sha256: string;
}

export interface ReceivedFormFile {
	/** The input's name, e.g. `file:charter`. */
	fieldName: string;
	file?: ReceivedFile;
	/** Why this file was not received, e.g. `file.too_large`. */
	error?: AppError;
	/** Deletes the temp file; call it once the file was stored or refused. */
	discard(): Promise<void>;
}

export interface ReceivedForm {
	fields: Record<string, string>;
	files: ReceivedFormFile[];
}

export interface ReceiveFormOptions {
	maxFileBytes: number;
	tempDirectory: string;
	/** At most this many files in one post (10 by default). */
	maxFiles?: number;
	/** At most this many text fields (600 by default: a step with tables has many cells). */
	maxFields?: number;
}

const MAX_FIELD_BYTES = 10 * 1024;

function bodyError(error: unknown): AppError {
	if (error instanceof AppError) return error;
	// SvelteKit's own body limit answers 413 too.
	if ((error as { status?: unknown } | null)?.status === 413) return new AppError('file.too_large');
	return new AppError('file.not_multipart');
}

export async function receiveForm(request: Request, options: ReceiveFormOptions): Promise<ReceivedForm> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\s*;/i.test(contentType)) throw new AppError('file.not_multipart');
	if (!request.body) throw new AppError('file.not_multipart');
	const maxFields = options.maxFields ?? 600;
	const maxFiles = options.maxFiles ?? 10;
	let parser: Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			// Browsers send UTF-8 names without RFC 2231 marking; busboy's default (latin1) would garble Kazakh letters.
			defParamCharset: 'utf8',
			limits: { files: maxFiles, fields: maxFields, parts: maxFields + maxFiles, fieldSize: MAX_FIELD_BYTES, fieldNameSize: 200 }
		});
	} catch {
		throw new AppError('file.not_multipart');
	}
	await fs.mkdir(options.tempDirectory, { recursive: true, mode: 0o700 });

	const source = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
	const fields: Record<string, string> = {};
	const work: Promise<ReceivedFormFile>[] = [];
	const tempPaths: string[] = [];
	const discardPath = (target: string) => () => fs.rm(target, { force: true });

	const parsed = new Promise<void>((resolve, reject) => {
		let isSettled = false;
		const fail = (error: AppError) => {
			if (isSettled) return;
			isSettled = true;
			// Stop reading without cancelling the body, so the browser still sees the answer; the
			// server discards the unread rest.
			source.unpipe(parser);
			source.pause();
			parser.destroy();
			reject(error);
		};
		source.on('error', (error) => fail(bodyError(error)));
		parser.on('error', (error) => fail(bodyError(error)));
		parser.on('finish', () => {
			if (isSettled) return;
			isSettled = true;
			resolve();
		});
		parser.on('filesLimit', () => fail(new AppError('file.too_many_files')));
		parser.on('fieldsLimit', () => fail(new AppError('file.too_many_fields')));
		parser.on('partsLimit', () => fail(new AppError('file.too_many_fields')));
		parser.on('field', (name, value, info) => {
			// Refused rather than cut short, which could change what the applicant wrote.
			if (info.nameTruncated || info.valueTruncated) fail(new AppError('file.field_too_large'));
			else if (!(name in fields)) fields[name] = value;
		});
		parser.on('file', (fieldName, stream, info) => {
			// An input left empty still sends a part, with no name and no bytes.
			if (!info.filename) {
				stream.resume();
				return;
			}
			const target = path.join(options.tempDirectory, `${randomUUID()}.upload`);
			tempPaths.push(target);
			const originalName = safeDisplayName(info.filename) || 'document';
			const hash = createHash('sha256');
			let sizeBytes = 0;
			let isTooLarge = false;
			work.push(
				pipeline(
					stream,
					async function* (chunks: AsyncIterable<Buffer>) {
						for await (const chunk of chunks) {
							sizeBytes += chunk.length;
							// Past the limit the rest is read and dropped, so the form's other parts still arrive.
							if (sizeBytes > options.maxFileBytes) isTooLarge = true;
							if (isTooLarge) continue;
							hash.update(chunk);
							yield chunk;
						}
					},
					createWriteStream(target, { flags: 'wx', mode: 0o600 })
				).then(
					(): ReceivedFormFile =>
						isTooLarge
							? { fieldName, error: new AppError('file.too_large'), discard: discardPath(target) }
							: sizeBytes === 0
								? { fieldName, error: new AppError('file.missing'), discard: discardPath(target) }
								: { fieldName, file: { tempPath: target, originalName, sizeBytes, sha256: hash.digest('hex') }, discard: discardPath(target) },
					(error: unknown): ReceivedFormFile => ({ fieldName, error: bodyError(error), discard: discardPath(target) })
				)
			);
		});
		source.pipe(parser);
	});

	try {
		await parsed;
		return { fields, files: await Promise.all(work) };
	} catch (error) {
		await Promise.allSettled(work);
		await Promise.all(tempPaths.map((target) => fs.rm(target, { force: true })));
		throw error;
	}
}
