import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../errors.ts';

/**
 * DOCX and XLSX are ZIP containers, and a ZIP of a few megabytes can unpack to gigabytes (a "zip
 * bomb"): stored and offered for download, it fills the disk or the memory of whoever opens it,
 * staff first. So an office file is accepted only when what it unpacks to is bounded.
 *
 * Two checks. The central directory (the archive's table of contents, small) is read first: too
 * many entries, a declared total over the limit, or an entry whose declared ratio no document
 * reaches refuse the file without unpacking anything. Declared sizes can lie, so then every entry
 * is really inflated, as a stream whose output is counted and dropped, and stopped at the first
 * byte past its declared size: nothing is ever inflated beyond what the limits allow.
 *
 * yauzl (MIT, pure JavaScript, no native code, widely used) reads the directory, including ZIP64
 * and its size fields, which are easy to get subtly wrong by hand; the inflating and counting are
 * done here with node:zlib, so the cap does not depend on the library.
 */

export interface OfficeArchiveLimits {
	/** Most bytes all entries together may unpack to. */
	maxUnpackedBytes: number;
	/** Most entries (parts) in one archive. */
	maxEntries: number;
	/** Most unpacked bytes per compressed byte in one entry… */
	maxEntryRatio: number;
	/** …once that entry unpacks to more than this (small parts may compress very well). */
	ratioGraceBytes: number;
}

/**
 * Real documents stay far below these: a long report or a large spreadsheet unpacks to tens of
 * megabytes, text parts compress 5–50 times, images hardly at all. DEFLATE's ceiling is about
 * 1,030:1, reached only by long runs of one byte, which is what bombs are made of.
 */
export const OFFICE_ARCHIVE_LIMITS: OfficeArchiveLimits = {
	maxUnpackedBytes: 200 * 1024 * 1024,
	maxEntries: 10_000,
	maxEntryRatio: 500,
	ratioGraceBytes: 1024 * 1024
};

export type OfficeArchiveVerdict = { isAccepted: true; unpackedBytes: number } | { isAccepted: false; problem: 'too_large_unpacked' | 'unreadable' };

const STORED = 0;
const DEFLATED = 8;

class OverLimit extends Error {}

/** Inflates (or, for a stored entry, reads) one entry's data, counting the output; throws OverLimit past `maxBytes`. */
async function countUnpackedBytes(raw: Readable, method: number, maxBytes: number): Promise<number> {
	let total = 0;
	const count = async (chunks: AsyncIterable<Buffer>) => {
		for await (const chunk of chunks) {
			total += chunk.length;
			if (total > maxBytes) throw new OverLimit();
		}
	};
	// pipeline destroys every stream on the way when the count stops it.
	if (method === DEFLATED) await pipeline(raw, createInflateRaw(), count);
	else await pipeline(raw, count);
	return total;
}

/** Whether the ZIP container at `path` unpacks within `limits`; see the module comment. */
export async function checkOfficeArchive(path: string, limits: OfficeArchiveLimits = OFFICE_ARCHIVE_LIMITS): Promise<OfficeArchiveVerdict> {
	let zip: yauzl.ZipFile;
	try {
		// Names are not needed, and decoding them only adds ways to fail.
		zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
	} catch {
		return { isAccepted: false, problem: 'unreadable' };
	}
	try {
		if (zip.entryCount > limits.maxEntries) return { isAccepted: false, problem: 'too_large_unpacked' };
		const entries: yauzl.Entry[] = [];
		let declaredTotal = 0;
		for await (const entry of zip.eachEntry()) {
			// Office files use only these two methods and never ZIP encryption (theirs is a different format).
			if (entry.isEncrypted() || (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)) return { isAccepted: false, problem: 'unreadable' };
			declaredTotal += entry.uncompressedSize;
			const isAbsurdRatio = entry.uncompressedSize > limits.ratioGraceBytes && entry.uncompressedSize > entry.compressedSize * limits.maxEntryRatio;
			if (declaredTotal > limits.maxUnpackedBytes || isAbsurdRatio) return { isAccepted: false, problem: 'too_large_unpacked' };
			entries.push(entry);
		}
		let unpackedTotal = 0;
		for (const entry of entries) {
			const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
			// An entry may not unpack past what it declared (the declared sizes already fit the limits),
			// and the running total is capped as well, in case entries share their data.
			const allowed = Math.min(entry.uncompressedSize, limits.maxUnpackedBytes - unpackedTotal);
			unpackedTotal += await countUnpackedBytes(raw, entry.compressionMethod, allowed);
		}
		return { isAccepted: true, unpackedBytes: unpackedTotal };
	} catch (error) {
		return { isAccepted: false, problem: error instanceof OverLimit ? 'too_large_unpacked' : 'unreadable' };
	} finally {
		zip.close();
	}
}

/** For the upload path: refuses an office file that unpacks past the limits, with a coded error. */
export async function assertOfficeArchiveFits(path: string, limits: OfficeArchiveLimits = OFFICE_ARCHIVE_LIMITS): Promise<void> {
	const verdict = await checkOfficeArchive(path, limits);
	if (!verdict.isAccepted) throw new AppError(`file.${verdict.problem}`);
}
