import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { argon2Verify } from 'hash-wasm';
import { ARGON2_PARAMETERS, hashPassword, verifyPassword } from '../../src/lib/server/accounts/password.ts';

/**
 * argon2id cost with the portal's parameters: hashes per second, time per sign-in check, the memory
 * taken when many sign-ins are checked at once, and what a burst of sign-ins does to the pages the
 * same process is serving, with the hashing on the main thread (as before) and on the worker threads.
 */
export async function benchPasswords(count = 30, concurrency = 20, rounds = 3) {
	const hash = await hashPassword('benchmark pass phrase');
	const hashStarted = performance.now();
	for (let i = 0; i < count; i++) await hashPassword(`benchmark pass phrase ${i}`);
	const hashMs = (performance.now() - hashStarted) / count;

	const verifyStarted = performance.now();
	for (let i = 0; i < count; i++) await verifyPassword('benchmark pass phrase', hash);
	const verifyMs = (performance.now() - verifyStarted) / count;

	globalThis.gc?.();
	const before = process.memoryUsage().rss;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	await Promise.all(Array.from({ length: concurrency }, () => verifyPassword('benchmark pass phrase', hash)));
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);

	const mainThreadVerify = withHashSlot((password: string, stored: string) => argon2Verify({ password: password.normalize('NFC'), hash: stored }));
	await mainThreadVerify('benchmark pass phrase', hash);
	const burst = (verify: ((password: string, stored: string) => Promise<boolean>) | null) =>
		servePageDuring(async () => {
			for (let round = 0; round < rounds; round++) {
				// Bursts apart: the loop gets a turn between them, as between waves of real sign-ins.
				if (round > 0) await new Promise((resolve) => setImmediate(resolve));
				await Promise.all(Array.from({ length: concurrency }, () => (verify ? verify('benchmark pass phrase', hash) : new Promise((resolve) => setTimeout(resolve, 300)))));
			}
		});
	const signInBursts = [
		{ hashing: 'none (page only)', ...(await burst(null)) },
		{ hashing: 'main thread (before)', ...(await burst(mainThreadVerify)) },
		{ hashing: 'two worker threads (after)', ...(await burst(verifyPassword)) }
	];
	return {
		parameters: `m=${ARGON2_PARAMETERS.memorySize} KiB, t=${ARGON2_PARAMETERS.iterations}, p=${ARGON2_PARAMETERS.parallelism}`,
		hashMs,
		verifyMs,
		loginsPerSecondPerCore: 1000 / verifyMs,
		concurrency,
		rounds,
		memoryGrowthMiB: (peak - before) / 1024 / 1024,
		signInBursts
	};
}

/** The main-thread path as it was: hash-wasm called directly, at most two at once. */
function withHashSlot<A extends unknown[], T>(work: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async (...args) => {
		if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
		running++;
		try {
			return await work(...args);
		} finally {
			running--;
			waiting.shift()?.();
		}
	};
}

const PAGE = Buffer.from(`<!doctype html><html lang="en"><title>Support</title><main>${'<p>A cached public page of the portal.</p>'.repeat(400)}</main></html>`);
const CLIENT_CONNECTIONS = 8;
const CLIENT_INTERVAL_MS = 20;

/**
 * Requests the page from its own process (so its clock does not stall with the server's) over a few
 * keep-alive connections, each on a fixed schedule (8 × 50 = 400 requests/s, well below what the
 * server can answer). A latency is counted from when the request was due, not from when a stalled
 * connection got round to sending it, so a stall counts for every request it held up; those due
 * before the end are all sent and counted.
 */
const CLIENT_SOURCE = `
const http = require('node:http');
const [url, connections, interval] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
let isRecording = false, stopAt = Infinity, open = connections;
const latencies = [];
function loop(due) {
	// Requests that fell due before the stop are still sent and counted, however late.
	if (due >= stopAt) { if (--open === 0) process.send(latencies, () => process.exit(0)); return; }
	const send = () => http.get(url, { agent }, (res) => {
		res.resume();
		res.on('end', () => { if (isRecording) latencies.push(performance.now() - due); loop(due + interval); });
	}).on('error', () => loop(due + interval));
	const wait = due - performance.now();
	if (wait > 0) setTimeout(send, wait); else send();
}
process.on('message', (message) => {
	if (message === 'record') isRecording = true;
	if (message === 'stop') stopAt = performance.now();
});
for (let i = 0; i < connections; i++) loop(performance.now() + (i * interval) / connections);
process.send('ready');
`;

async function servePageDuring(work: () => Promise<void>) {
	const server = http.createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': PAGE.length });
		res.end(PAGE);
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;
	const client = spawn(process.execPath, ['-e', CLIENT_SOURCE, `http://127.0.0.1:${port}/support`, String(CLIENT_CONNECTIONS), String(CLIENT_INTERVAL_MS)], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	await once(client, 'message');
	const latencies = new Promise<number[]>((resolve) => client.on('message', (message) => Array.isArray(message) && resolve(message as number[])));
	// Let the connections open before measuring.
	await new Promise((resolve) => setTimeout(resolve, 200));
	const delay = monitorEventLoopDelay({ resolution: 5 });
	client.send('record');
	delay.enable();
	const started = performance.now();
	await work();
	const wallMs = performance.now() - started;
	// A loop held until now has not yet run the timer that records the stall.
	await new Promise((resolve) => setTimeout(resolve, 20));
	delay.disable();
	client.send('stop');
	const samples = (await latencies).sort((a, b) => a - b);
	server.closeAllConnections();
	server.close();
	const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
	return {
		wallMs,
		loopDelayP99Ms: delay.percentile(99) / 1e6,
		loopDelayMaxMs: delay.max / 1e6,
		pageRequests: samples.length,
		pageP50Ms: at(0.5),
		pageP95Ms: at(0.95),
		pageMaxMs: samples.at(-1) ?? NaN
	};
}
