import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { receiveForm } from './receive-form.ts';

const post = (body: FormData) => new Request('http://x/form', { method: 'POST', body });

function form(entries: [string, string | File][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AppError) return { code: error.code, status: error.status };
		throw error;
	}
	throw new Error('expected a refusal');
}

describe('receiveForm', () => {
	let directory: string;
	let tempDirectory: string;
	beforeEach(async () => {
		directory = await fs.mkdtemp(path.join(os.tmpdir(), 'receive-form-'));
		tempDirectory = path.join(directory, 'tmp');
	});
	afterEach(async () => {
		await fs.rm(directory, { recursive: true, force: true });
	});
	const leftovers = () => fs.readdir(tempDirectory).catch(() => [] as string[]);

	it('writes each file to a random temp name with its size and SHA-256, and keeps the text fields', async () => {
		const content = Buffer.from('%PDF-1.4\nӨтінім\n');
		const received = await receiveForm(
			post(form([['name', 'ТОО «Дала»'], ['file:charter', new File([content], 'Жарғы (көшірме).pdf', { type: 'text/html' })], ['file:other', new File(['%PDF'], 'b.pdf')]])),
			{ maxFileBytes: 1024, tempDirectory }
		);
		expect(received.fields).toEqual({ name: 'ТОО «Дала»' });
		expect(received.files.map((f) => f.fieldName)).toEqual(['file:charter', 'file:other']);
		const file = received.files[0]!.file!;
		expect(file).toMatchObject({ originalName: 'Жарғы (көшірме).pdf', sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
		expect(path.dirname(file.tempPath)).toBe(tempDirectory);
		expect(path.basename(file.tempPath)).toMatch(/^[0-9a-f-]{36}\.upload$/);
		expect(await fs.readFile(file.tempPath)).toEqual(content);
		expect((await fs.stat(file.tempPath)).mode & 0o777).toBe(0o600);
		for (const entry of received.files) await entry.discard();
		expect(await leftovers()).toEqual([]);
	});

	it('refuses an oversized file on its own and still reads the rest of the form', async () => {
		const received = await receiveForm(post(form([['name', 'before'], ['file:big', new File([Buffer.alloc(2 * 1024 * 1024)], 'big.pdf')], ['intent', 'save']])), { maxFileBytes: 1000, tempDirectory });
		expect(received.fields).toEqual({ name: 'before', intent: 'save' });
		expect(received.files[0]!.error?.code).toBe('file.too_large');
		expect(received.files[0]!.file).toBeUndefined();
		await received.files[0]!.discard();
		expect(await leftovers()).toEqual([]);
	});

	it('skips inputs left empty and reports an empty chosen file', async () => {
		const received = await receiveForm(post(form([['file:a', new File([], '')], ['file:b', new File([], 'empty.pdf')]])), { maxFileBytes: 1024, tempDirectory });
		expect(received.files.map((f) => [f.fieldName, f.error?.code])).toEqual([['file:b', 'file.missing']]);
		await received.files[0]!.discard();
	});

	it('treats the server body limit (a 413 from SvelteKit) as too large and leaves nothing behind', async () => {
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file:a"; filename="a.pdf"\r\n\r\n%PDF'));
				controller.error(Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), { status: 413 }));
			}
		});
		const request = new Request('http://x/form', { method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary=b' }, duplex: 'half' } as RequestInit);
		expect(await refusal(receiveForm(request, { maxFileBytes: 1024, tempDirectory }))).toEqual({ code: 'file.too_large', status: 413 });
		expect(await leftovers()).toEqual([]);
	});

	it('refuses more files than allowed at once', async () => {
		const data = form([['file:a', new File(['one'], 'one.pdf')], ['file:b', new File(['two'], 'two.pdf')]]);
		expect(await refusal(receiveForm(post(data), { maxFileBytes: 1024, tempDirectory, maxFiles: 1 }))).toEqual({ code: 'file.too_many_files', status: 400 });
		expect(await leftovers()).toEqual([]);
	});

	it('refuses a body that is not multipart, or is cut short', async () => {
		const json = new Request('http://x/form', { method: 'POST', body: '{"file":"x"}', headers: { 'content-type': 'application/json' } });
		expect(await refusal(receiveForm(json, { maxFileBytes: 1024, tempDirectory }))).toEqual({ code: 'file.not_multipart', status: 400 });
		const noBoundary = new Request('http://x/form', { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data; charset=utf-8' } });
		expect(await refusal(receiveForm(noBoundary, { maxFileBytes: 1024, tempDirectory }))).toEqual({ code: 'file.not_multipart', status: 400 });
		const truncated = new Request('http://x/form', {
			method: 'POST',
			body: '--b\r\nContent-Disposition: form-data; name="file:a"; filename="a.pdf"\r\n\r\n%PDF-1.4',
			headers: { 'content-type': 'multipart/form-data; boundary=b' }
		});
		expect(await refusal(receiveForm(truncated, { maxFileBytes: 1024, tempDirectory }))).toEqual({ code: 'file.not_multipart', status: 400 });
		expect(await leftovers()).toEqual([]);
	});

	it('refuses oversized or too many text fields rather than cutting them short', async () => {
		expect(await refusal(receiveForm(post(form([['comment', 'ж'.repeat(6000)]])), { maxFileBytes: 1024, tempDirectory }))).toEqual({ code: 'file.field_too_large', status: 413 });
		const many = form(Array.from({ length: 4 }, (_, index): [string, string] => [`field${index}`, 'x']));
		expect(await refusal(receiveForm(post(many), { maxFileBytes: 1024, tempDirectory, maxFields: 3 }))).toEqual({ code: 'file.too_many_fields', status: 413 });
	});

	it('keeps only a safe base name of the original', async () => {
		const received = await receiveForm(post(form([['file:a', new File(['x'], '..\\..\\Windows\\evil\u202Etxt.exe')]])), { maxFileBytes: 1024, tempDirectory });
		expect(received.files[0]!.file?.originalName).toBe('eviltxt.exe');
		await received.files[0]!.discard();
	});
});
