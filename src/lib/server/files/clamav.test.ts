import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createClamavScanner, scannerFromConfig } from './clamav.ts';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

type Behaviour = 'scan' | 'error' | 'silent';

/**
 * A stand-in clamd speaking zINSTREAM: it checks the command, reassembles the length-prefixed
 * chunks up to the zero-length one, and answers as clamd would.
 */
async function fakeClamd(behaviour: Behaviour): Promise<{ port: number; received: Buffer[]; close: () => Promise<void> }> {
	const received: Buffer[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		if (behaviour === 'silent') return;
		let buffer = Buffer.alloc(0);
		let hasCommand = false;
		const chunks: Buffer[] = [];
		socket.on('data', (data: Buffer) => {
			buffer = Buffer.concat([buffer, data]);
			if (!hasCommand) {
				const end = buffer.indexOf(0);
				if (end === -1) return;
				if (buffer.subarray(0, end).toString() !== 'zINSTREAM') return void socket.end('UNKNOWN COMMAND\0');
				hasCommand = true;
				buffer = buffer.subarray(end + 1);
			}
			while (buffer.length >= 4) {
				const length = buffer.readUInt32BE(0);
				if (buffer.length < 4 + length) return;
				if (length === 0) {
					const content = Buffer.concat(chunks);
					received.push(content);
					if (behaviour === 'error') return void socket.end('INSTREAM size limit exceeded. ERROR\0');
					return void socket.end(content.includes(EICAR) ? 'stream: Win.Test.EICAR_HDB-1 FOUND\0' : 'stream: OK\0');
				}
				chunks.push(buffer.subarray(4, 4 + length));
				buffer = buffer.subarray(4 + length);
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	return {
		port,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}

async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

function isScannerUnavailable(error: unknown): boolean {
	return error instanceof AppError && error.code === 'file.scanner_unavailable' && error.status === 503;
}

describe('createClamavScanner', () => {
	let directory: string;
	let cleanFile: string;
	let infectedFile: string;
	let largeFile: string;
	let largeContent: Buffer;

	beforeAll(async () => {
		directory = await fs.mkdtemp(path.join(os.tmpdir(), 'clamav-'));
		cleanFile = path.join(directory, 'clean.pdf');
		infectedFile = path.join(directory, 'eicar.pdf');
		largeFile = path.join(directory, 'large.pdf');
		largeContent = Buffer.alloc(3 * 1024 * 1024 + 17);
		for (let index = 0; index + 4 <= largeContent.length; index += 4) largeContent.writeUInt32LE(index, index);
		await fs.writeFile(cleanFile, '%PDF-1.4\nclean\n');
		await fs.writeFile(infectedFile, EICAR);
		await fs.writeFile(largeFile, largeContent);
	});

	afterAll(async () => {
		await fs.rm(directory, { recursive: true, force: true });
	});

	it('reports a clean file, sending clamd every byte', async () => {
		const clamd = await fakeClamd('scan');
		try {
			const scanner = createClamavScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs: 5000 });
			expect(await scanner.scanFile(cleanFile)).toEqual({ isInfected: false });
			expect(await scanner.scanFile(largeFile)).toEqual({ isInfected: false });
			expect(clamd.received[1]?.equals(largeContent)).toBe(true);
		} finally {
			await clamd.close();
		}
	});

	it('reports an infected file with the signature name', async () => {
		const clamd = await fakeClamd('scan');
		try {
			const scanner = createClamavScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs: 5000 });
			expect(await scanner.scanFile(infectedFile)).toEqual({ isInfected: true, signature: 'Win.Test.EICAR_HDB-1' });
		} finally {
			await clamd.close();
		}
	});

	it('fails closed on an ERROR reply', async () => {
		const clamd = await fakeClamd('error');
		try {
			const scanner = createClamavScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs: 5000 });
			await expect(scanner.scanFile(cleanFile)).rejects.toSatisfy(isScannerUnavailable);
		} finally {
			await clamd.close();
		}
	});

	it('fails closed when clamd is not listening', async () => {
		const scanner = createClamavScanner({ host: '127.0.0.1', port: await closedPort(), timeoutMs: 5000 });
		await expect(scanner.scanFile(cleanFile)).rejects.toSatisfy(isScannerUnavailable);
	});

	it('fails closed when clamd never answers', async () => {
		const clamd = await fakeClamd('silent');
		try {
			const scanner = createClamavScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs: 300 });
			const started = Date.now();
			// A small file is sent whole and the reply never comes; a large one stalls on a socket nobody reads.
			await expect(scanner.scanFile(cleanFile)).rejects.toSatisfy(isScannerUnavailable);
			await expect(scanner.scanFile(largeFile)).rejects.toSatisfy(isScannerUnavailable);
			expect(Date.now() - started).toBeLessThan(3000);
		} finally {
			await clamd.close();
		}
	});

	it('does not blame the scanner for a missing file', async () => {
		const scanner = createClamavScanner({ host: '127.0.0.1', port: 1, timeoutMs: 300 });
		await expect(scanner.scanFile(path.join(directory, 'missing'))).rejects.toThrow(/ENOENT/);
	});
});

describe('scannerFromConfig', () => {
	it('scans only when CLAMAV_HOST is set', () => {
		expect(scannerFromConfig(parseConfig({}))).toBeNull();
		expect(scannerFromConfig(parseConfig({ CLAMAV_HOST: 'clamav' }))).not.toBeNull();
	});
});
