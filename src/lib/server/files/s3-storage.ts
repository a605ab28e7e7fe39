import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { notFound } from '../errors.ts';
import { assertStorageKey, type FileStorage } from './storage.ts';

export interface S3StorageOptions {
	/** An S3-compatible service (MinIO, a cloud provider's object store); AWS itself when absent. */
	endpoint?: string;
	region: string;
	bucket: string;
	accessKeyId: string;
	secretAccessKey: string;
	forcePathStyle: boolean;
}

/** One part in flight at a time: memory per upload stays near one part (5 MB, S3's minimum) whatever the file size. */
const PART_SIZE_BYTES = 5 * 1024 * 1024;

/**
 * Documents in an S3-compatible bucket, for deployments with several portal instances or without a
 * durable local disk. The bucket is private: files are fetched through the portal's own checked
 * route, never by a public or presigned URL handed to the browser.
 */
export function createS3Storage(options: S3StorageOptions): FileStorage {
	const client = new S3Client({
		endpoint: options.endpoint,
		region: options.region,
		forcePathStyle: options.forcePathStyle,
		credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
	});
	const bucket = options.bucket;

	return {
		async save(key, sourcePath) {
			assertStorageKey(key);
			// Streamed from disk; lib-storage switches to a multipart upload above one part and aborts it on failure.
			const upload = new Upload({
				client,
				params: { Bucket: bucket, Key: key, Body: createReadStream(sourcePath) },
				partSize: PART_SIZE_BYTES,
				queueSize: 1
			});
			await upload.done();
		},

		async open(key) {
			assertStorageKey(key);
			try {
				const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
				// In Node the SDK's body is an IncomingMessage, a Readable: the download is streamed, not buffered.
				if (!(response.Body instanceof Readable)) throw new Error('S3 GetObject returned no readable body');
				return response.Body;
			} catch (error) {
				if (error instanceof NoSuchKey) throw notFound('file');
				throw error;
			}
		},

		async remove(key) {
			assertStorageKey(key);
			// S3 answers 204 for a missing key too, which is what the interface asks.
			await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
		}
	};
}
