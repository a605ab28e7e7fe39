import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeAbandonedUploads } from './get-file-services.ts';

describe('removeAbandonedUploads', () => {
	it('removes uploads left for over an hour and keeps recent ones and other files', async () => {
		const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'abandoned-'));
		try {
			const old = path.join(directory, 'a.upload');
			await fs.writeFile(old, 'x');
			const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
			await fs.utimes(old, twoHoursAgo, twoHoursAgo);
			await fs.writeFile(path.join(directory, 'b.upload'), 'y');
			await fs.writeFile(path.join(directory, 'keep.txt'), 'z');
			await fs.utimes(path.join(directory, 'keep.txt'), twoHoursAgo, twoHoursAgo);
			expect(await removeAbandonedUploads(directory)).toBe(1);
			expect((await fs.readdir(directory)).sort()).toEqual(['b.upload', 'keep.txt']);
			expect(await removeAbandonedUploads(path.join(directory, 'missing'))).toBe(0);
		} finally {
			await fs.rm(directory, { recursive: true, force: true });
		}
	});
});
