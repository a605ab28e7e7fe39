import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import { storageFromConfig } from './storage-from-config.ts';

describe('storageFromConfig', () => {
	it('keeps documents under DATA_DIR/files when no bucket is configured', async () => {
		const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'storage-from-config-'));
		try {
			const source = path.join(directory, 'upload.tmp');
			await fs.writeFile(source, 'x');
			await storageFromConfig(parseConfig({ DATA_DIR: directory })).save('a/b', source);
			expect(await fs.readFile(path.join(directory, 'files', 'a', 'b'), 'utf8')).toBe('x');
		} finally {
			await fs.rm(directory, { recursive: true, force: true });
		}
	});

	it('uses the bucket when S3_BUCKET is set', () => {
		const storage = storageFromConfig(parseConfig({ S3_BUCKET: 'documents', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_ENDPOINT: 'http://127.0.0.1:9000' }));
		// Nothing is contacted until a file is saved or opened; the key check still applies first.
		return expect(storage.open('../x')).rejects.toThrow(/Invalid storage key/);
	});
});
