import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { createLocalStorage } from './local-storage.ts';

describe('createLocalStorage', () => {
	let directory: string;

	beforeEach(async () => {
		directory = await fs.mkdtemp(path.join(os.tmpdir(), 'local-storage-'));
	});

	afterEach(async () => {
		await fs.rm(directory, { recursive: true, force: true });
	});

	it('stores, streams back and removes a file, readable by the owner only', async () => {
		const storage = createLocalStorage(path.join(directory, 'files'));
		const source = path.join(directory, 'upload.tmp');
		await fs.writeFile(source, 'Өтінім мазмұны');

		await storage.save('2025/06/0b8c6a1e-4f0e-4c55-9d1a-3b7f0f8e2a11', source);
		const stored = path.join(directory, 'files', '2025/06/0b8c6a1e-4f0e-4c55-9d1a-3b7f0f8e2a11');
		expect((await fs.stat(stored)).mode & 0o777).toBe(0o600);
		expect(await text(await storage.open('2025/06/0b8c6a1e-4f0e-4c55-9d1a-3b7f0f8e2a11'))).toBe('Өтінім мазмұны');
		// The source is the caller's to remove; no temporary names are left beside the stored file.
		expect(await fs.readFile(source, 'utf8')).toBe('Өтінім мазмұны');
		expect(await fs.readdir(path.dirname(stored))).toEqual(['0b8c6a1e-4f0e-4c55-9d1a-3b7f0f8e2a11']);

		await storage.remove('2025/06/0b8c6a1e-4f0e-4c55-9d1a-3b7f0f8e2a11');
		await expect(fs.stat(stored)).rejects.toThrow(/ENOENT/);
	});

	it('treats removing a missing key as done and opening one as not found', async () => {
		const storage = createLocalStorage(directory);
		await expect(storage.remove('never/stored')).resolves.toBeUndefined();
		await expect(storage.open('never/stored')).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'file.not_found' && error.status === 404);
	});

	it('refuses keys that could leave its directory or are not generated names', async () => {
		const storage = createLocalStorage(path.join(directory, 'files'));
		const source = path.join(directory, 'upload.tmp');
		await fs.writeFile(source, 'x');
		for (const key of ['../outside', 'a/../../outside', '/etc/passwd', 'a//b', 'a/', '', 'A', 'name.pdf', 'a\\b', '..', 'a/./b']) {
			await expect(storage.save(key, source), key).rejects.toThrow(/Invalid storage key/);
			await expect(storage.open(key), key).rejects.toThrow(/Invalid storage key/);
			await expect(storage.remove(key), key).rejects.toThrow(/Invalid storage key/);
		}
		expect(await fs.readdir(directory)).toEqual(['upload.tmp']);
	});

	it('replaces a file whole, never leaving it half-written', async () => {
		const storage = createLocalStorage(directory);
		const first = path.join(directory, 'first.tmp');
		const second = path.join(directory, 'second.tmp');
		await fs.writeFile(first, 'first');
		await fs.writeFile(second, 'second');
		await storage.save('doc', first);
		await storage.save('doc', second);
		expect(await text(await storage.open('doc'))).toBe('second');
	});

	it('cleans its temporary copy when the source cannot be read', async () => {
		const storage = createLocalStorage(path.join(directory, 'files'));
		await expect(storage.save('a/b', path.join(directory, 'missing'))).rejects.toThrow(/ENOENT/);
		expect(await fs.readdir(path.join(directory, 'files', 'a'))).toEqual([]);
	});
});
