import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { getConfig } from '../config.ts';
import { scannerFromConfig } from './clamav.ts';
import type { FileStorage } from './storage.ts';
import { storageFromConfig } from './storage-from-config.ts';

interface FileServices {
	storage: FileStorage;
	scanner: ReturnType<typeof scannerFromConfig>;
	/** Where uploads wait while they are checked, on the same disk as local storage so keeping one is a rename. */
	tempDirectory: string;
	maxUploadBytes: number;
}

let services: FileServices | null = null;

/** The configured file storage and virus scanner, made once per process. */
export function getFileServices(): FileServices {
	if (!services) {
		const config = getConfig();
		services = { storage: storageFromConfig(config), scanner: scannerFromConfig(config), tempDirectory: join(config.DATA_DIR, 'tmp'), maxUploadBytes: config.UPLOAD_MAX_BYTES };
		void removeAbandonedUploads(services.tempDirectory);
	}
	return services;
}

/** Uploads older than this were cut off by a crash or a restart mid-request: nobody will claim them. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export async function removeAbandonedUploads(directory: string, now = Date.now()): Promise<number> {
	const names = await readdir(directory).catch(() => [] as string[]);
	let removed = 0;
	for (const name of names.filter((n) => n.endsWith('.upload'))) {
		const file = join(directory, name);
		const info = await stat(file).catch(() => null);
		if (info && now - info.mtimeMs > ABANDONED_AFTER_MS) {
			await rm(file, { force: true });
			removed++;
		}
	}
	return removed;
}
