import fs from 'node:fs/promises';
import net from 'node:net';
import { clamavAddress, type AppConfig } from '../config.ts';
import { AppError } from '../errors.ts';

/**
 * Virus scanning through ClamAV's daemon (clamd) over TCP with the `zINSTREAM` command, so the
 * portal needs no shared disk with the scanner and no antivirus library in the process. The file is
 * streamed from disk in chunks (never held whole in memory). Any failure to get a clear answer —
 * connection refused, timeout, an `ERROR` reply (for example a file over clamd's StreamMaxLength) —
 * throws `file.scanner_unavailable`: the upload is refused rather than stored unscanned.
 */

export type ScanResult = { isInfected: false } | { isInfected: true; signature: string };

export interface ClamavScanner {
	scanFile(path: string): Promise<ScanResult>;
}

export interface ClamavOptions {
	host: string;
	port: number;
	/** The whole scan, from connecting to the reply. */
	timeoutMs: number;
}

/** clamd reads INSTREAM data in chunks, each prefixed by its length (4 bytes, big-endian). */
const CHUNK_BYTES = 64 * 1024;
/** Replies are one short line; more than this is not clamd. */
const MAX_REPLY_BYTES = 4096;

function scannerUnavailable(cause: unknown): AppError {
	return new AppError('file.scanner_unavailable', { cause });
}

/** Resolves with clamd's reply: the text before the NUL (`z` commands) or before the connection ends. */
function readReply(socket: net.Socket): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let length = 0;
		const finish = () => {
			const reply = Buffer.concat(chunks).toString('utf8');
			const end = reply.indexOf('\0');
			resolve((end === -1 ? reply : reply.slice(0, end)).trim());
		};
		socket.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			length += chunk.length;
			if (length > MAX_REPLY_BYTES) reject(new Error('clamd reply too long'));
			else if (chunk.includes(0)) finish();
		});
		socket.on('end', finish);
		socket.on('error', reject);
		// A no-op when the reply was already complete.
		socket.on('close', () => reject(new Error('clamd closed the connection without a reply')));
	});
}

/** Waits until the socket's write buffer drains; fails if clamd hangs up first (it does after an early ERROR reply). */
function drained(socket: net.Socket): Promise<void> {
	return new Promise((resolve, reject) => {
		const cleanup = () => {
			socket.off('drain', onDrain);
			socket.off('end', onGone);
			socket.off('close', onGone);
			socket.off('error', onGone);
		};
		const onDrain = () => {
			cleanup();
			resolve();
		};
		const onGone = () => {
			cleanup();
			reject(new Error('clamd closed the connection while receiving the file'));
		};
		socket.on('drain', onDrain);
		socket.on('end', onGone);
		socket.on('close', onGone);
		socket.on('error', onGone);
	});
}

export function createClamavScanner(options: ClamavOptions): ClamavScanner {
	return {
		async scanFile(path) {
			// Opened before connecting: a missing file is the caller's bug, not an unavailable scanner.
			const handle = await fs.open(path, 'r');
			const file = handle.createReadStream({ highWaterMark: CHUNK_BYTES });
			let socket: net.Socket | undefined;
			try {
				// The signal bounds the whole exchange: when it fires the socket is destroyed and every wait below fails.
				const connection = net.connect({ host: options.host, port: options.port, signal: AbortSignal.timeout(options.timeoutMs) });
				socket = connection;
				const reply = readReply(connection);
				// Observed at once so a failure before it is awaited is not an unhandled rejection.
				reply.catch(() => undefined);
				await new Promise<void>((resolve, reject) => {
					connection.once('connect', resolve);
					connection.once('error', reject);
				});
				connection.write('zINSTREAM\0');
				for await (const chunk of file as AsyncIterable<Buffer>) {
					const header = Buffer.alloc(4);
					header.writeUInt32BE(chunk.length);
					connection.write(header);
					// Backpressure: wait for the connection rather than queue the whole file in its buffer.
					if (!connection.write(chunk)) await drained(connection);
				}
				connection.write(Buffer.alloc(4));
				const text = await reply;
				if (text === 'stream: OK') return { isInfected: false };
				const found = /^stream: (.+) FOUND$/.exec(text);
				if (found?.[1]) return { isInfected: true, signature: found[1].slice(0, 200) };
				throw new Error(`clamd: ${text.slice(0, 200) || 'empty reply'}`);
			} catch (error) {
				throw scannerUnavailable(error);
			} finally {
				socket?.destroy();
				file.destroy();
			}
		}
	};
}

/** The configured scanner, or null when `CLAMAV_HOST` is not set (demo and development without clamd). */
export function scannerFromConfig(config: AppConfig): ClamavScanner | null {
	if (!config.CLAMAV_HOST) return null;
	const { host, port } = clamavAddress(config.CLAMAV_HOST);
	return createClamavScanner({ host, port, timeoutMs: config.CLAMAV_TIMEOUT_MS });
}
