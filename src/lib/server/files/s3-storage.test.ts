import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage } from './s3-storage.ts';

/**
 * A small stand-in for an S3-compatible service (path-style requests): single and multipart
 * uploads, reads and deletes, enough to check what the storage sends and gets back. Signatures are
 * not verified; that is the SDK's business, tested by its authors.
 */
function fakeS3() {
	const objects = new Map<string, Buffer>();
	const uploads = new Map<string, Map<number, Buffer>>();
	let multipartUploads = 0;
	const server = http.createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://s3');
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		let body = Buffer.concat(chunks);
		// The SDK may frame a streamed body as aws-chunked: `<hex size>;chunk-signature=…\r\n<data>\r\n`… with trailers.
		if (/aws-chunked/.test(String(request.headers['content-encoding'] ?? '')) || String(request.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING')) {
			const parts: Buffer[] = [];
			let offset = 0;
			for (;;) {
				const lineEnd = body.indexOf('\r\n', offset);
				const size = Number.parseInt(body.subarray(offset, lineEnd).toString().split(';')[0]!, 16);
				if (!size) break;
				parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
				offset = lineEnd + 2 + size + 2;
			}
			body = Buffer.concat(parts);
		}
		const key = decodeURIComponent(url.pathname);
		const uploadId = url.searchParams.get('uploadId');
		if (request.method === 'POST' && url.searchParams.has('uploads')) {
			const id = `upload-${++multipartUploads}`;
			uploads.set(id, new Map());
			response.setHeader('content-type', 'application/xml');
			return response.end(`<InitiateMultipartUploadResult><Bucket>documents</Bucket><Key>${key}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`);
		}
		if (request.method === 'PUT' && uploadId) {
			uploads.get(uploadId)!.set(Number(url.searchParams.get('partNumber')), body);
			response.setHeader('etag', `"${createHash('md5').update(body).digest('hex')}"`);
			return response.end();
		}
		if (request.method === 'POST' && uploadId) {
			const parts = uploads.get(uploadId)!;
			objects.set(key, Buffer.concat([...parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part)));
			uploads.delete(uploadId);
			response.setHeader('content-type', 'application/xml');
			return response.end(`<CompleteMultipartUploadResult><Key>${key}</Key><ETag>"done"</ETag></CompleteMultipartUploadResult>`);
		}
		if (request.method === 'PUT') {
			objects.set(key, body);
			response.setHeader('etag', '"single"');
			return response.end();
		}
		if (request.method === 'GET') {
			const object = objects.get(key);
			if (!object) {
				response.statusCode = 404;
				response.setHeader('content-type', 'application/xml');
				return response.end('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
			}
			response.setHeader('content-length', object.length);
			return response.end(object);
		}
		if (request.method === 'DELETE') {
			objects.delete(key);
			response.statusCode = 204;
			return response.end();
		}
		response.statusCode = 400;
		response.end();
	});
	return { server, objects, multipartUploads: () => multipartUploads };
}

describe('S3 storage', () => {
	const s3 = fakeS3();
	let directory: string;
	let storage: ReturnType<typeof createS3Storage>;

	beforeAll(async () => {
		await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve));
		const { port } = s3.server.address() as AddressInfo;
		storage = createS3Storage({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', bucket: 'documents', accessKeyId: 'id', secretAccessKey: 'secret', forcePathStyle: true });
		directory = await fs.mkdtemp(path.join(os.tmpdir(), 's3-storage-'));
	});
	afterAll(async () => {
		await new Promise((resolve) => s3.server.close(resolve));
		await fs.rm(directory, { recursive: true, force: true });
	});

	it('stores a small file in one request and reads it back as a stream', async () => {
		const source = path.join(directory, 'small');
		await fs.writeFile(source, '%PDF-1.4 Жарғы');
		await storage.save('applications/small-1', source);
		expect(s3.objects.get('/documents/applications/small-1')?.toString()).toBe('%PDF-1.4 Жарғы');
		expect(await text(await storage.open('applications/small-1'))).toBe('%PDF-1.4 Жарғы');
	});

	it('sends a file larger than a part as a multipart upload, intact', async () => {
		const source = path.join(directory, 'large');
		const bytes = Buffer.alloc(6 * 1024 * 1024 + 123, 7);
		bytes.write('%PDF-1.4');
		await fs.writeFile(source, bytes);
		const before = s3.multipartUploads();
		await storage.save('applications/large-1', source);
		expect(s3.multipartUploads()).toBe(before + 1);
		expect(createHash('sha256').update(s3.objects.get('/documents/applications/large-1')!).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
	});

	it('answers not found for a missing key, and removes without complaint', async () => {
		await expect(storage.open('applications/missing')).rejects.toMatchObject({ code: 'file.not_found', status: 404 });
		await storage.remove('applications/small-1');
		await storage.remove('applications/small-1');
		expect(s3.objects.has('/documents/applications/small-1')).toBe(false);
	});
});
