import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { notFound } from '../errors.ts';
import { assertStorageKey, type FileStorage } from './storage.ts';

/**
 * Documents on the local disk, under `directory` (the caller passes `$DATA_DIR/files`, outside the
 * web root). A file is copied to a temporary name beside its final place, flushed, then renamed, so a
 * crash or a concurrent reader never sees half a document. Files are readable by the portal's user
 * only (0600).
 */
export function createLocalStorage(directory: string): FileStorage {
	const root = path.resolve(directory);

	function pathOf(key: string): string {
		assertStorageKey(key);
		const target = path.resolve(root, key);
		// The key check already rules this out; resolving again guards against a future change to it.
		if (!target.startsWith(root + path.sep)) throw new Error('Storage key escapes the storage directory');
		return target;
	}

	return {
		async save(key, sourcePath) {
			const target = pathOf(key);
			await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
			// Same directory as the target, so the final rename never crosses file systems and is atomic.
			const temporary = `${target}.${randomUUID()}.tmp`;
			try {
				// copyFile lets the kernel move the bytes: nothing passes through the process's memory.
				await fs.copyFile(sourcePath, temporary);
				await fs.chmod(temporary, 0o600);
				const handle = await fs.open(temporary, 'r+');
				try {
					await handle.datasync();
				} finally {
					await handle.close();
				}
				await fs.rename(temporary, target);
			} catch (error) {
				await fs.rm(temporary, { force: true });
				throw error;
			}
		},

		async open(key): Promise<Readable> {
			try {
				// Opening first makes a missing file fail here, not later as a stream error mid-response.
				const handle = await fs.open(pathOf(key), 'r');
				return handle.createReadStream();
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('file');
				throw error;
			}
		},

		async remove(key) {
			await fs.rm(pathOf(key), { force: true });
		}
	};
}
