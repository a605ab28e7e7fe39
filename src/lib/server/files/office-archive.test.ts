import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDocumentType } from './detect-file-type.ts';
import { assertOfficeArchiveFits, checkOfficeArchive, OFFICE_ARCHIVE_LIMITS } from './office-archive.ts';
import { buildZip, deflatedEntry, deflatedZerosEntry, officeZip, storedEntry, type ZipEntryFixture } from './zip-fixture.ts';

const MB = 1024 * 1024;
const DOCUMENT_XML = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Бизнес-жоспар</w:t></w:r></w:p></w:body></w:document>';

let directory: string;
let bomb: ZipEntryFixture;
let counter = 0;

async function write(bytes: Buffer): Promise<string> {
	const target = path.join(directory, `sample-${counter++}.zip`);
	await fs.writeFile(target, bytes);
	return target;
}

beforeAll(async () => {
	directory = await fs.mkdtemp(path.join(os.tmpdir(), 'office-archive-'));
	// 300 MB of zeros deflate to about 300 KB: small enough to upload, far too big to unpack.
	bomb = await deflatedZerosEntry('word/document.xml', 300 * MB);
});
afterAll(async () => {
	await fs.rm(directory, { recursive: true, force: true });
});

describe('checkOfficeArchive', () => {
	it('accepts an ordinary document and counts what it unpacks to', async () => {
		const file = await write(officeZip('docx', [deflatedEntry('word/document.xml', DOCUMENT_XML), storedEntry('word/media/image1.png', Buffer.alloc(5000, 7))]));
		expect(await detectDocumentType(file)).toBe('docx');
		const verdict = await checkOfficeArchive(file);
		expect(verdict.isAccepted).toBe(true);
		expect(verdict.isAccepted && verdict.unpackedBytes).toBeGreaterThan(5000 + Buffer.byteLength(DOCUMENT_XML));
	});

	it('refuses a small DOCX whose directory declares 300 MB, without unpacking it', async () => {
		const file = await write(officeZip('docx', [bomb]));
		expect((await fs.stat(file)).size).toBeLessThan(2 * MB);
		// It passes for a DOCX by its bytes: the type check alone would have stored it.
		expect(await detectDocumentType(file)).toBe('docx');
		const started = performance.now();
		expect(await checkOfficeArchive(file)).toEqual({ isAccepted: false, problem: 'too_large_unpacked' });
		// Inflating 300 MB takes seconds; reading the directory takes milliseconds.
		expect(performance.now() - started).toBeLessThan(1000);
		await expect(assertOfficeArchiveFits(file)).rejects.toMatchObject({ code: 'file.too_large_unpacked', status: 400 });
	});

	it('refuses the same bomb when its headers lie about the size, stopping at the first byte past the lie', async () => {
		const file = await write(officeZip('xlsx', [{ ...bomb, name: 'xl/worksheets/sheet1.xml', declaredSize: 20_000 }]));
		expect(await detectDocumentType(file)).toBe('xlsx');
		const started = performance.now();
		expect(await checkOfficeArchive(file)).toEqual({ isAccepted: false, problem: 'too_large_unpacked' });
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('refuses a stored entry that holds more bytes than it declares', async () => {
		const honest = storedEntry('word/document.xml', Buffer.alloc(4000, 0x20));
		const file = await write(officeZip('docx', [{ ...honest, declaredSize: 10 }]));
		expect(await checkOfficeArchive(file)).toMatchObject({ isAccepted: false });
	});

	it('refuses a total over the limit even when each entry is modest', async () => {
		const part = await deflatedZerosEntry('xl/media/part.bin', 3 * MB);
		const parts = Array.from({ length: 4 }, (_, i) => ({ ...part, name: `xl/media/part${i}.bin` }));
		const file = await write(officeZip('xlsx', parts));
		const limits = { ...OFFICE_ARCHIVE_LIMITS, maxUnpackedBytes: 10 * MB, maxEntryRatio: 10_000 };
		expect(await checkOfficeArchive(file, limits)).toEqual({ isAccepted: false, problem: 'too_large_unpacked' });
		const roomier = await checkOfficeArchive(file, { ...limits, maxUnpackedBytes: 20 * MB });
		expect(roomier.isAccepted && roomier.unpackedBytes).toBeGreaterThan(12 * MB);
	});

	it('refuses one entry with an absurd ratio, though the total would fit', async () => {
		const file = await write(officeZip('docx', [await deflatedZerosEntry('word/document.xml', 20 * MB)]));
		expect(await checkOfficeArchive(file)).toEqual({ isAccepted: false, problem: 'too_large_unpacked' });
	});

	it('refuses more entries than the limit', async () => {
		const entries = Array.from({ length: OFFICE_ARCHIVE_LIMITS.maxEntries + 1 }, (_, i) => storedEntry(`word/p${i}.xml`, ''));
		const file = await write(buildZip(entries));
		expect(await checkOfficeArchive(file)).toEqual({ isAccepted: false, problem: 'too_large_unpacked' });
		expect(await checkOfficeArchive(await write(buildZip(entries.slice(0, 100))))).toMatchObject({ isAccepted: true });
	});

	it('calls cut-off, corrupt and encrypted archives unreadable', async () => {
		const whole = officeZip('docx', [deflatedEntry('word/document.xml', DOCUMENT_XML)]);
		expect(await checkOfficeArchive(await write(whole.subarray(0, whole.length - 30)))).toEqual({ isAccepted: false, problem: 'unreadable' });
		const garbage = deflatedEntry('word/document.xml', DOCUMENT_XML);
		const corrupt = officeZip('docx', [{ ...garbage, data: Buffer.alloc(garbage.data.length, 0xff) }]);
		expect(await checkOfficeArchive(await write(corrupt))).toEqual({ isAccepted: false, problem: 'unreadable' });
		const encrypted = officeZip('docx', [{ ...storedEntry('word/document.xml', Buffer.alloc(40)), flags: 1, declaredSize: 28 }]);
		expect(await checkOfficeArchive(await write(encrypted))).toEqual({ isAccepted: false, problem: 'unreadable' });
		await expect(assertOfficeArchiveFits(await write(Buffer.from('PK\x03\x04 not really')))).rejects.toMatchObject({ code: 'file.unreadable' });
	});
});
