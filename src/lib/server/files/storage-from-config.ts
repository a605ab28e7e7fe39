import path from 'node:path';
import type { AppConfig } from '../config.ts';
import { createLocalStorage } from './local-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import type { FileStorage } from './storage.ts';

/**
 * Chooses where documents live from the environment: a bucket when `S3_BUCKET` is set (the config
 * already insists on its credentials), otherwise `DATA_DIR/files` on the local disk.
 */
export function storageFromConfig(config: AppConfig): FileStorage {
	if (config.S3_BUCKET) {
		return createS3Storage({
			endpoint: config.S3_ENDPOINT,
			region: config.S3_REGION,
			bucket: config.S3_BUCKET,
			accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
			secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
			forcePathStyle: config.S3_FORCE_PATH_STYLE
		});
	}
	return createLocalStorage(path.join(config.DATA_DIR, 'files'));
}
