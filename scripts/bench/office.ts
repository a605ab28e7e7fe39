/**
 * The office at scale, on PostgreSQL: chat messages posted on one instance reaching the live
 * threads open on another (latency), what each open thread costs that instance in memory, and the
 * supervisor's queue over a million applications.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { route } from '../../src/lib/route.ts';
import { connectInspector, type MemoryReading } from './inspector.ts';
import { loadAverage, startPortal, stop, waitForServer } from './http.ts';
import { benchQueue } from './office-queue.ts';
import { DeliveryProbe, openEventStream, prepareThreads, THREAD_PROVIDER, type EventStream, type LiveMessage, type StreamReader, type Thread } from './office-threads.ts';
import { startTempPostgres } from '../lib/temp-postgres.ts';

export interface OfficeBenchOptions {
	/** Seconds of each queue load test. */
	duration: number;
	pgPort: number;
	/** Instance A on this port, B on the next; B's inspector on the one after. */
	portalPort: number;
	threads?: number;
	messages?: number;
	/** One message every so many ms. */
	messageIntervalMs?: number;
}

const DELIVERY_TARGET_P95_MS = 200;
/** Each thread is followed by its applicant (cabinet) and its executor (office). */
const STREAMS_PER_THREAD = 2;
/** Streams opened at once: pages are opened one after another, not all in the same instant. */
const OPENING_AT_ONCE = 25;
/** Loopback addresses the streams come from, fewer streams each than the portal allows one address. */
const CLIENT_ADDRESSES = 10;
const MIB = 1024 * 1024;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function residentBytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) * 1024;
}

/** Both streams of each thread on instance B, a few at a time; every one has had its first message when this returns. */
async function openStreams(port: number, threads: Thread[], readerOf: (reader: StreamReader) => (message: LiveMessage, at: number) => void): Promise<EventStream[]> {
	const wanted = threads.flatMap((thread) => [
		{ path: route.applicationEvents(thread.number), token: thread.applicantToken, marksPath: route.applicationMessages(thread.number) },
		{ path: route.officeApplicationEvents(thread.number), token: thread.executorToken, marksPath: route.officeApplicationMessages(thread.number) }
	]);
	const streams: EventStream[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: OPENING_AT_ONCE }, async () => {
			while (next < wanted.length) {
				const i = next++;
				const { path, token, marksPath } = wanted[i]!;
				streams.push(await openEventStream(port, path, token, `127.0.0.${2 + (i % CLIENT_ADDRESSES)}`, readerOf({ marksPath, token })));
			}
		})
	);
	return streams;
}

async function benchThreads(url: string, env: Record<string, string>, ports: { a: number; b: number; inspector: number }, options: Required<Pick<OfficeBenchOptions, 'threads' | 'messages' | 'messageIntervalMs'>>) {
	const threads = await prepareThreads(url, options.threads);
	const dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-bench-office-b-'));
	const portalB = startPortal(ports.b, { ...env, DATA_DIR: dataDir }, { inspectPort: ports.inspector });
	let streams: EventStream[] = [];
	try {
		await waitForServer(`http://127.0.0.1:${ports.b}/support`);
		const inspector = await connectInspector(ports.inspector);
		const probe = new DeliveryProbe(ports.b);
		// A few streams opened and closed first: the figures below are for streams, not for loading the code that serves them.
		for (const stream of await openStreams(ports.b, threads.slice(0, 10), () => () => undefined)) stream.close();
		await pause(1_000);
		const before: MemoryReading = { ...(await inspector.memory()), rss: residentBytes(portalB.pid!) };
		const opening = performance.now();
		streams = await openStreams(ports.b, threads, (reader) => probe.readerOf(reader));
		const openingMs = performance.now() - opening;
		await pause(1_000);
		const after: MemoryReading = { ...(await inspector.memory()), rss: residentBytes(portalB.pid!) };
		await inspector.close();

		const count = streams.length;
		console.log(`\n### Live threads across instances (PostgreSQL LISTEN/NOTIFY; load average ${loadAverage()})\n`);
		console.log(
			`${fmt(threads.length)} applications in work of ${THREAD_PROVIDER}, each followed on instance B by its applicant and its executor: ${fmt(count)} SSE connections, opened ${OPENING_AT_ONCE} at a time in ${fmt(openingMs / 1000, 1)} s.\n`
		);
		console.log(`Memory of instance B (one process), after a forced garbage collection, before and after opening them:\n`);
		row(['', 'open streams', 'RSS MiB', 'JS heap used MiB', 'external MiB']);
		row(['---', '---:', '---:', '---:', '---:']);
		row(['before', '0', fmt(before.rss / MIB, 1), fmt(before.heapUsed / MIB, 1), fmt(before.external / MIB, 1)]);
		row(['after', fmt(count), fmt(after.rss / MIB, 1), fmt(after.heapUsed / MIB, 1), fmt(after.external / MIB, 1)]);
		const perStream = (field: keyof MemoryReading) => `**${fmt((after[field] - before[field]) / count / 1024, 1)} KiB**`;
		row(['per connection', '', perStream('rss'), perStream('heapUsed'), perStream('external')]);

		const { results, marks } = await probe.run(ports.a, threads, STREAMS_PER_THREAD, options.messages, options.messageIntervalMs);
		console.log(
			`\n${fmt(options.messages)} chat messages posted on instance A through the pages' forms, one every ${options.messageIntervalMs} ms, to the threads in turn; the time from sending the post to the event arriving on each of the thread's ${STREAMS_PER_THREAD} clients on B (target p95 ≤ ${DELIVERY_TARGET_P95_MS} ms); load average ${loadAverage()}:\n`
		);
		row(['messages', 'posted', 'deliveries', 'lost', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'post answered p50 / p95 ms', 'post errors', 'target met']);
		row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']);
		for (const result of results) {
			const verdict = result.p95 <= DELIVERY_TARGET_P95_MS && result.lost === 0 && result.postErrors === 0 ? 'yes' : 'NO';
			row([result.label, fmt(result.messages), fmt(result.deliveries), fmt(result.lost), fmt(result.p50, 1), fmt(result.p95, 1), fmt(result.p99, 1), fmt(result.max, 1), `${fmt(result.postP50, 1)} / ${fmt(result.postP95, 1)}`, fmt(result.postErrors), verdict]);
		}
		console.log(`\nEach client told B it had shown the message, as a visible page does: ${fmt(marks.sent)} read marks posted, ${fmt(marks.failed)} refused or failed.`);
	} finally {
		for (const stream of streams) stream.close();
		await stop(portalB);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

export async function benchOffice(options: OfficeBenchOptions): Promise<void> {
	const postgres = startTempPostgres(options.pgPort);
	const dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-bench-office-a-'));
	const env = { DATABASE_URL: postgres.url, APP_MODE: 'demo', WEB_CONCURRENCY: '1' };
	const portalA = startPortal(options.portalPort, { ...env, DATA_DIR: dataDir });
	try {
		// Instance A's start-up applies the migrations and seeds the demo catalog, forms and staff.
		await waitForServer(`http://127.0.0.1:${options.portalPort}/support`);
		await benchThreads(postgres.url, env, { a: options.portalPort, b: options.portalPort + 1, inspector: options.portalPort + 2 }, {
			threads: options.threads ?? 250,
			messages: options.messages ?? 300,
			messageIntervalMs: options.messageIntervalMs ?? 100
		});
		await benchQueue({ url: postgres.url, port: options.portalPort, pid: portalA.pid!, duration: options.duration, provider: THREAD_PROVIDER });
	} finally {
		await stop(portalA);
		postgres.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
