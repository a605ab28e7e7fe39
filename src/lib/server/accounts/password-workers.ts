import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * argon2id threads: each hash takes tens of milliseconds of CPU, which on the main thread would
 * stall every request the process is answering. A few worker threads do it instead, one hash each
 * at a time, so the pool's size is also the limit on hashes (and their 19 MiB each) at once.
 */

export interface Argon2Parameters {
	readonly memorySize: number;
	readonly iterations: number;
	readonly parallelism: number;
	readonly hashLength: number;
}

type Job = { kind: 'hash'; password: string; parameters: Argon2Parameters } | { kind: 'verify'; password: string; hash: string };
type Reply = { ready: true } | { ok: true; result: string | boolean } | { ok: false; error: string };

/**
 * The worker's code as a plain string started with `eval`: there is no file to locate, which
 * differs between Vitest (TypeScript sources), the Vite bundle (build/server/chunks) and Node
 * running the .ts sources. Such code resolves bare names from the working directory, so the parent
 * passes hash-wasm's resolved path. It runs as CommonJS or, when the process was started with
 * `--input-type=module` (inherited by workers), as a module, where `require` does not exist: it
 * takes what it needs through `process.getBuiltinModule`, which both have. A verification that
 * throws (a malformed hash) answers false, as a wrong password does.
 */
const WORKER_SOURCE = `'use strict';
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
const { randomBytes } = process.getBuiltinModule('node:crypto');
const { createRequire } = process.getBuiltinModule('node:module');
const { argon2id, argon2Verify } = createRequire(workerData.hashWasmPath)(workerData.hashWasmPath);

async function run(job) {
	if (job.kind === 'hash') {
		return argon2id({ ...job.parameters, password: job.password, salt: randomBytes(16), outputType: 'encoded' });
	}
	try {
		return await argon2Verify({ password: job.password, hash: job.hash });
	} catch {
		return false;
	}
}

parentPort.on('message', async (job) => {
	try {
		parentPort.postMessage({ ok: true, result: await run(job) });
	} catch (error) {
		parentPort.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
	}
});
parentPort.postMessage({ ready: true });
`;

/** A job whose worker died is tried once more on a fresh worker, then refused. */
const MAX_ATTEMPTS = 2;

interface Task {
	job: Job;
	attempts: number;
	resolve(result: string | boolean): void;
	reject(error: Error): void;
}

interface Slot {
	worker: Worker;
	isReady: boolean;
	task: Task | null;
	lastError?: Error;
}

export interface HashPoolStats {
	workers: number;
	active: number;
	queued: number;
	/** The most jobs that were running at once since the pool started or `resetPeak()`. */
	peakActive: number;
}

export class HashWorkerPool {
	readonly #size: number;
	readonly #slots = new Set<Slot>();
	readonly #queue: Task[] = [];
	#hashWasmPath: string | undefined;
	#peakActive = 0;

	constructor(size: number) {
		if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive integer, got ${size}`);
		this.#size = size;
	}

	hash(password: string, parameters: Argon2Parameters): Promise<string> {
		return this.#run({ kind: 'hash', password, parameters }) as Promise<string>;
	}

	verify(password: string, hash: string): Promise<boolean> {
		return this.#run({ kind: 'verify', password, hash }) as Promise<boolean>;
	}

	stats(): HashPoolStats {
		const active = [...this.#slots].filter((slot) => slot.task).length;
		return { workers: this.#slots.size, active, queued: this.#queue.length, peakActive: this.#peakActive };
	}

	resetPeak(): void {
		this.#peakActive = 0;
	}

	/** The live threads, for tests that need one to die. */
	threads(): Worker[] {
		return [...this.#slots].map((slot) => slot.worker);
	}

	/** Stops every thread; queued and running jobs are refused. The pool starts new threads if used again. */
	async close(): Promise<void> {
		const stopped = () => new Error('password hashing stopped');
		for (const task of this.#queue.splice(0)) task.reject(stopped());
		for (const slot of this.#slots) {
			slot.task?.reject(stopped());
			slot.task = null;
		}
		await Promise.all([...this.#slots].map((slot) => slot.worker.terminate()));
	}

	#run(job: Job): Promise<string | boolean> {
		return new Promise((resolve, reject) => {
			this.#queue.push({ job, attempts: 0, resolve, reject });
			this.#dispatch();
		});
	}

	#dispatch(): void {
		while (this.#queue.length > 0) {
			let slot = [...this.#slots].find((candidate) => !candidate.task);
			if (!slot) {
				if (this.#slots.size >= this.#size) return;
				try {
					slot = this.#spawn();
				} catch (error) {
					for (const task of this.#queue.splice(0)) task.reject(error instanceof Error ? error : new Error(String(error)));
					return;
				}
			}
			const task = this.#queue.shift()!;
			task.attempts++;
			slot.task = task;
			// Held while it works: a script awaiting a hash must not see its event loop run empty.
			slot.worker.ref();
			slot.worker.postMessage(task.job);
			this.#peakActive = Math.max(this.#peakActive, this.stats().active);
		}
	}

	#spawn(): Slot {
		this.#hashWasmPath ??= createRequire(import.meta.url).resolve('hash-wasm');
		const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hashWasmPath: this.#hashWasmPath } });
		// Idle threads never keep the process from exiting.
		worker.unref();
		const slot: Slot = { worker, isReady: false, task: null };
		this.#slots.add(slot);
		worker.on('message', (reply: Reply) => {
			if ('ready' in reply) {
				slot.isReady = true;
				return;
			}
			const task = slot.task;
			if (!task) return;
			slot.task = null;
			worker.unref();
			if (reply.ok) task.resolve(reply.result);
			else task.reject(new Error(`password hashing failed: ${reply.error}`));
			this.#dispatch();
		});
		worker.on('error', (error: unknown) => {
			slot.lastError = error instanceof Error ? error : new Error(String(error));
		});
		worker.on('exit', (code) => {
			this.#slots.delete(slot);
			const task = slot.task;
			slot.task = null;
			const failure = () => new Error(`the password hashing thread stopped (exit code ${code})${slot.lastError ? `: ${slot.lastError.message}` : ''}`, { cause: slot.lastError });
			const hasWorkingThread = slot.isReady || [...this.#slots].some((other) => other.isReady);
			if (task) {
				if (hasWorkingThread && task.attempts < MAX_ATTEMPTS) this.#queue.unshift(task);
				else task.reject(failure());
			}
			if (!hasWorkingThread) {
				// No thread could even start (hash-wasm missing, say): new ones would fail the same way.
				for (const waiting of this.#queue.splice(0)) waiting.reject(failure());
				return;
			}
			this.#dispatch();
		});
		return slot;
	}
}
