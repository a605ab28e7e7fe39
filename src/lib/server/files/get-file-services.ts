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
	}
	return services;
}
