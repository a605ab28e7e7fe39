/**
 * A slow mail server: the latency of a page while the outbox worker waits on a mail server that
 * answers each message after 20 s, against the same page with nothing being sent. Were a send
 * held inside a transaction, on the embedded database (one connection) every request would wait
 * for the mail server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { userAccount } from '../../src/lib/server/accounts/schema.ts';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client.ts';
import { outboxMessage } from '../../src/lib/server/notifications/schema.ts';
import { OUTBOX_SENDS_IN_FLIGHT } from '../../src/lib/server/notifications/start-outbox-worker.ts';
import { startPortal, stop, waitForServer } from './http.ts';
import { startTempPostgres } from '../lib/temp-postgres.ts';

export interface OutboxBenchOptions {
	portalPort: number;
	smtpPort: number;
	/** Also on PostgreSQL, started on this port (it needs Debian's server). */
	pgPort?: number;
}

/** How long the stand-in mail server takes to accept each message. */
const SMTP_DELAY_MS = 20_000;
/** Seconds of load per measurement: all of it falls inside the 20 s the sends are pending. */
const WINDOW_SECONDS = 12;
const CONNECTIONS = 10;
/** Password-recovery emails queued: as many as the worker sends at once, so all of them wait together. */
const MESSAGES = OUTBOX_SENDS_IN_FLIGHT;
const PAGE = '/support';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface Latency {
	requests: number;
	p50: number;
	p95: number;
	max: number;
	errors: number;
	cpuPerRequest: number;
}

const CLOCK_TICKS = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
	} catch {
		return 100;
	}
})();

/** CPU time the process has used so far (all its threads), in ms. */
function cpuOf(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Latencies from every response (autocannon's histogram has no p95), and the portal's CPU per request. */
async function measure(url: string, seconds: number, pid: number): Promise<Latency> {
	const cpuBefore = cpuOf(pid);
	const latencies: number[] = [];
	let failed = 0;
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: seconds,
		setupClient: (client) => {
			client.on('response', (statusCode: number, _bytes: number, responseTime: number) => {
				latencies.push(responseTime);
				if (statusCode !== 200) failed++;
			});
		}
	});
	latencies.sort((a, b) => a - b);
	return { cpuPerRequest: (cpuOf(pid) - cpuBefore) / latencies.length, requests: latencies.length, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: latencies.at(-1) ?? Number.NaN, errors: failed + result.errors + result.timeouts };
}

/** Accepts every message, and answers each only after SMTP_DELAY_MS, as a congested relay would. */
function startSlowMailServer(port: number) {
	const state = { received: [] as string[], pending: 0, answered: 0 };
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			stream.resume();
			stream.on('end', () => {
				state.received.push(session.envelope.rcptTo.map((to) => to.address).join(','));
				state.pending++;
				setTimeout(() => {
					state.pending--;
					state.answered++;
					callback();
				}, SMTP_DELAY_MS);
			});
		}
	});
	return {
		state,
		listen: () => new Promise<void>((resolve, reject) => server.listen(port, '127.0.0.1', resolve).once('error', reject)),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

const benchLogin = (i: number) => `99010140${String(i).padStart(4, '0')}`;

/** Accounts whose password-recovery link goes by email, written before the portal starts (PGlite has one owner). */
async function createAccounts(database: DatabaseHandle): Promise<void> {
	await database.db.insert(userAccount).values(
		Array.from({ length: MESSAGES }, (_, i) => ({
			kind: 'individual' as const,
			login: benchLogin(i),
			firstName: 'Bench',
			lastName: `Recipient ${i}`,
			email: `bench-${i}@example.kz`,
			phone: '+77010000000',
			passwordHash: 'bench: never signs in',
			isActive: true,
			activatedAt: new Date()
		}))
	);
}

async function requestRecovery(port: number, login: string): Promise<number> {
	const response = await fetch(`http://127.0.0.1:${port}/password-recovery`, {
		method: 'POST',
		// Kit refuses form posts from another origin, and answers JSON unless HTML is asked for.
		headers: { origin: `http://127.0.0.1:${port}`, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ login })
	});
	await response.arrayBuffer();
	return response.status;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = performance.now() + timeoutMs;
	while (!condition()) {
		if (performance.now() > deadline) return false;
		await pause(50);
	}
	return true;
}

interface Run {
	label: string;
	idle: Latency;
	slow: Latency;
	idleAfter: Latency;
	/** Whether every queued message was still waiting on the mail server when the slow window ended. */
	isCovered: boolean;
	queueMs: number;
	statuses: string;
	received: number;
	distinct: number;
}

async function runOnce(label: string, options: OutboxBenchOptions, database: { url?: string; dataDir: string }): Promise<Run> {
	const handle = await openDatabase(database.url ? { url: database.url, poolSize: 2 } : { dataDir: `${database.dataDir}/pglite` });
	try {
		await createAccounts(handle);
	} finally {
		await handle.close();
	}
	const mail = startSlowMailServer(options.smtpPort);
	await mail.listen();
	const env: Record<string, string> = { DATA_DIR: database.dataDir, RENDER_CACHE_ENTRIES: '0', SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`, WEB_CONCURRENCY: '1' };
	if (database.url) env.DATABASE_URL = database.url;
	const portal = startPortal(options.portalPort, env);
	const url = `http://127.0.0.1:${options.portalPort}${PAGE}`;
	try {
		await waitForServer(url);
		await measure(url, 3, portal.pid!);
		const idle = await measure(url, WINDOW_SECONDS, portal.pid!);

		const queued = performance.now();
		const posted = Promise.all(Array.from({ length: MESSAGES }, (_, i) => requestRecovery(options.portalPort, benchLogin(i))));
		// A worker that sent inside its transaction would let the first message through and stall
		// the rest (and every request) behind it: measure anyway once one is pending.
		const isQueued = await waitFor(() => mail.state.received.length === MESSAGES, 10_000);
		if (!isQueued && mail.state.received.length === 0) throw new Error('no message reached the mail server within 10 s');
		const queueMs = isQueued ? performance.now() - queued : Number.NaN;
		const slow = await measure(url, WINDOW_SECONDS, portal.pid!);
		const isCovered = mail.state.answered === 0;
		const statuses = await posted;
		if (statuses.some((status) => status !== 200)) throw new Error(`password recovery answered ${statuses.join(', ')}`);

		// Let the worker record the answers, then the same page again: on a shared machine the
		// difference between the two quiet rows shows how much of any gap is noise.
		await waitFor(() => mail.state.answered === MESSAGES, MESSAGES * SMTP_DELAY_MS + 10_000);
		await pause(1_000);
		const idleAfter = await measure(url, WINDOW_SECONDS, portal.pid!);
		await stop(portal);
		const after = await openDatabase(database.url ? { url: database.url, poolSize: 2 } : { dataDir: `${database.dataDir}/pglite` });
		let recorded: string;
		try {
			const rows = await after.db.select({ status: outboxMessage.status, attempts: outboxMessage.attempts }).from(outboxMessage);
			recorded = rows.map((r) => `${r.status}/${r.attempts}`).sort().join(' ');
		} finally {
			await after.close();
		}
		return { label, idle, slow, idleAfter, isCovered, queueMs, statuses: recorded, received: mail.state.received.length, distinct: new Set(mail.state.received).size };
	} finally {
		await stop(portal);
		await mail.close();
	}
}

export async function benchOutbox(options: OutboxBenchOptions): Promise<void> {
	const runs: Run[] = [];
	const pglite = mkdtempSync(path.join(tmpdir(), 'atameken-bench-outbox-'));
	try {
		runs.push(await runOnce('PGlite (embedded)', options, { dataDir: pglite }));
	} finally {
		rmSync(pglite, { recursive: true, force: true });
	}
	if (options.pgPort) {
		const postgres = startTempPostgres(options.pgPort);
		const dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-bench-outbox-'));
		try {
			const admin = new pg.Client({ connectionString: postgres.url });
			await admin.connect();
			await admin.query('create database bench_outbox');
			await admin.end();
			runs.push(await runOnce('PostgreSQL', options, { url: postgres.url.replace(/\/postgres$/, '/bench_outbox'), dataDir }));
		} finally {
			postgres.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	}

	console.log(`\n### ${PAGE} while the mail server takes 20 s per message (signed out, render cache off, ${CONNECTIONS} connections, ${WINDOW_SECONDS} s each)\n`);
	row(['database', 'sends pending', 'requests', 'p50 ms', 'p95 ms', 'max ms', 'errors', 'portal CPU ms/req']);
	row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']);
	const cells = (label: string, pending: string, l: Latency) => [label, pending, fmt(l.requests), fmt(l.p50, 1), fmt(l.p95, 1), fmt(l.max, 1), fmt(l.errors), fmt(l.cpuPerRequest, 2)];
	for (const run of runs) {
		row(cells(run.label, 'none', run.idle));
		row(cells(run.label, `${MESSAGES} emails${run.isCovered ? '' : ' (some answered early)'}`, run.slow));
		row(cells(run.label, 'none (after they were answered)', run.idleAfter));
	}
	console.log('');
	for (const run of runs) {
		console.log(
			`${run.label}: ${MESSAGES} password-recovery requests reached the mail server ${Number.isNaN(run.queueMs) ? 'not within 10 s' : `within ${fmt(run.queueMs)} ms`}; it received ${run.received} messages for ${run.distinct} recipients; outbox afterwards (status/attempts): ${run.statuses}.`
		);
	}
}
