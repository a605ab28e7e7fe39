/**
 * Applications at scale: My applications over a million generated applications in PostgreSQL,
 * the server's memory while it receives a 20 MB document, and the latency of a step's Save.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { hashSessionToken, type SessionUser } from '../../src/lib/server/accounts/session.ts';
import { countUnreadMessages } from '../../src/lib/server/applications/count-unread-messages.ts';
import { listMyApplications } from '../../src/lib/server/applications/list-my-applications.ts';
import type { Executor } from '../../src/lib/server/db/client.ts';
import { checkDigit } from '../../src/lib/identity/iin-bin.ts';
import { generateApplications } from './application-seed.ts';
import { pageWeight } from './bundle.ts';
import { loadAsUsers, loadAverage, measureLoad, percentile, startBareServer, startPortal, stats, stop, waitForServer, type LatencyStats, type MeasuredLoad } from './http.ts';
import { startTempPostgres } from '../lib/temp-postgres.ts';

export interface ApplicationsBenchOptions {
	/** Seconds of each load test. */
	duration: number;
	pgPort: number;
	portalPort: number;
	users?: number;
	applications?: number;
	sessions?: number;
}

const CONNECTIONS = 20;
const LIST_TARGET_P95_MS = 50;
const UPLOAD_TARGET_MIB = 50;
const UPLOAD_BYTES = 20 * 1024 * 1024 - 1024;
const UPLOAD_RUNS = 3;
const SAVES = 200;
const SAVE_CLIENTS = 10;
const SERVICE = 'statistical-reporting-consultation';
const STEP = 'applicant';
const MIB = 1024 * 1024;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const started = performance.now();
	const result = await work();
	return [result, performance.now() - started];
}

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

interface BenchSession {
	token: string;
	user: SessionUser;
	applications: number;
}

/** Sessions as sign-in would open them (only the token's hash stored), last seen 0–90 s ago. */
async function openSessions(client: pg.Client, count: number): Promise<BenchSession[]> {
	const picked = await client.query<{ id: number; kind: 'individual' | 'legal_entity'; login: string; applications: string }>(
		`select u.id, u.kind, u.login, (select count(*) from application a where a.applicant_user_id = u.id) as applications
		 from (select * from bench_user order by random() limit $1) u`,
		[count]
	);
	const sessions = picked.rows.map((user) => ({
		token: randomBytes(16).toString('base64url'),
		applications: Number(user.applications),
		user: { id: user.id, role: 'applicant' as const, kind: user.kind, login: user.login, firstName: 'Bench', lastName: 'Applicant', organisationName: null, locale: 'kk' as const, providerId: null }
	}));
	// Older than a minute means the first view writes the activity back, as a third of real views would.
	await client.query(
		`insert into session (token_hash, user_id, created_at, last_seen_at, expires_at, idle_timeout_seconds, is_remembered)
		 select t.hash, t.user_id, now(), now() - random() * interval '90 seconds', now() + interval '30 days', 30 * 86400, true
		 from unnest($1::text[], $2::int[]) as t(hash, user_id)`,
		[sessions.map((s) => hashSessionToken(s.token)), sessions.map((s) => s.user.id)]
	);
	return sessions;
}

// ---------------------------------------------------------------------------------------------
// The queries behind the page
// ---------------------------------------------------------------------------------------------

interface PlanNode {
	'Node Type': string;
	'Index Name'?: string;
	'Actual Rows'?: number;
	Plans?: PlanNode[];
}

function indexesOf(node: PlanNode, found = new Set<string>()): Set<string> {
	if (node['Index Name']) found.add(node['Index Name']);
	for (const child of node.Plans ?? []) indexesOf(child, found);
	return found;
}

/**
 * The exact SQL the page runs, captured from the app's own functions through Drizzle's logger,
 * then explained: if the page misses its target, the plans show whether the database is why.
 */
async function explainQueries(url: string, sample: { label: string; session: BenchSession }[]): Promise<void> {
	const pool = new pg.Pool({ connectionString: url, max: 2 });
	const captured: { query: string; params: unknown[] }[] = [];
	const db = drizzle({ client: pool, logger: { logQuery: (query, params) => captured.push({ query, params }) } }) as unknown as Executor;
	try {
		console.log('\nThe page\'s queries for sample users (EXPLAIN ANALYZE; "app ms" is the median of 20 warm calls from Node, both functions together):\n');
		row(['user', 'applications', 'query', 'rows', 'plan ms', 'execution ms', 'indexes', 'app ms']);
		row(['---', '---:', '---', '---:', '---:', '---:', '---', '---:']);
		for (const { label, session } of sample) {
			const call = async () => {
				await listMyApplications(db, session.user, { status: null, page: 1, locale: 'kk' });
				await countUnreadMessages(db, session.user);
			};
			const timings: number[] = [];
			for (let i = 0; i < 20; i++) timings.push((await timed(call))[1]);
			timings.sort((a, b) => a - b);
			// The list is one query (its page with the total); the bell is the other.
			const queries = captured.splice(0).slice(-2);
			const names = ['list: page 1 and total', 'unread (bell)'];
			for (const [i, { query, params }] of queries.entries()) {
				const result = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }] }>(`explain (analyze, buffers, format json) ${query}`, params);
				const [plan] = result.rows[0]!['QUERY PLAN'];
				const indexes = [...indexesOf(plan.Plan)].join(', ') || 'none';
				row([i === 0 ? label : '', i === 0 ? fmt(session.applications) : '', names[i]!, fmt(plan.Plan['Actual Rows'] ?? 0), fmt(plan['Planning Time'], 2), fmt(plan['Execution Time'], 2), indexes, i === 0 ? fmt(percentile(timings, 0.5), 2) : '']);
			}
		}
	} finally {
		await pool.end();
	}
}

// ---------------------------------------------------------------------------------------------
// Posting forms as a browser does
// ---------------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: SAVE_CLIENTS });

interface Posted {
	status: number;
	location: string;
}

function post(port: number, pathname: string, cookie: string, contentType: string, length: number, body: Readable): Promise<Posted> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port,
				path: pathname,
				method: 'POST',
				agent,
				// Kit refuses form posts from another origin, and answers JSON unless HTML is asked for.
				headers: { origin: `http://127.0.0.1:${port}`, accept: 'text/html', cookie: `session=${cookie}`, 'content-type': contentType, 'content-length': length }
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? '' }));
				response.on('error', reject);
			}
		);
		request.on('error', reject);
		body.on('error', reject);
		body.pipe(request);
	});
}

interface MultipartFile {
	field: string;
	name: string;
	contentType: string;
	path: string;
}

/** A multipart body of text fields and files, streamed: files are read from disk as it is sent. */
function multipart(fields: Record<string, string>, files: MultipartFile[] = []): { contentType: string; length: number; body: () => Readable } {
	const boundary = `----atameken-bench-${randomBytes(12).toString('hex')}`;
	const chunks: (Buffer | MultipartFile)[] = [];
	for (const [name, value] of Object.entries(fields)) {
		chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	for (const file of files) {
		chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: ${file.contentType}\r\n\r\n`));
		chunks.push(file, Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	const length = chunks.reduce((sum, chunk) => sum + (Buffer.isBuffer(chunk) ? chunk.length : statSync(chunk.path).size), 0);
	return {
		contentType: `multipart/form-data; boundary=${boundary}`,
		length,
		body: () =>
			Readable.from(
				(async function* () {
					for (const chunk of chunks) {
						if (Buffer.isBuffer(chunk)) yield chunk;
						else yield* createReadStream(chunk.path);
					}
				})()
			)
	};
}

async function orderDraft(port: number, token: string): Promise<string> {
	const response = await post(port, `/services/${SERVICE}/order`, token, 'application/x-www-form-urlencoded', 0, Readable.from([]));
	const number = /\/applications\/([^/]+)\/steps\//.exec(response.location)?.[1];
	if (response.status !== 303 || !number) throw new Error(`Ordering ${SERVICE} answered ${response.status} ${response.location}`);
	return number;
}

async function saveStep(port: number, token: string, number: string, form: ReturnType<typeof multipart>): Promise<Posted> {
	return post(port, `/applications/${number}/steps/${STEP}?/save`, token, form.contentType, form.length, form.body());
}

/** A valid IIN, so the saved step is complete and the Save path runs to its end. */
function benchIin(): string {
	for (let serial = 1; ; serial++) {
		const first11 = `9001015${String(serial).padStart(4, '0')}`;
		const digit = checkDigit([...first11].map(Number));
		if (digit !== null) return `${first11}${digit}`;
	}
}

async function createApplicant(client: pg.Client): Promise<{ token: string; iin: string }> {
	const iin = benchIin();
	const inserted = await client.query<{ id: number }>(
		`insert into user_account (kind, login, first_name, last_name, phone, email, password_hash, is_active, activated_at)
		 values ('individual', $1, 'Bench', 'Uploader', '+77011234567', 'uploader@example.com', 'bench: signs in by session only', true, now())
		 returning id`,
		[iin]
	);
	const token = randomBytes(16).toString('base64url');
	await client.query(
		`insert into session (token_hash, user_id, expires_at, idle_timeout_seconds, is_remembered) values ($1, $2, now() + interval '30 days', 30 * 86400, true)`,
		[hashSessionToken(token), inserted.rows[0]!.id]
	);
	return { token, iin };
}

/** A file that is a PDF to a type sniffer, written in pieces so the bench never holds 20 MB. */
function writePdf(file: string, size: number): void {
	const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
	const tail = Buffer.from('\n%%EOF\n');
	const filler = Buffer.alloc(64 * 1024, 'q 0 0 1 rg 10 10 100 100 re f Q\n');
	const fd = openSync(file, 'w');
	try {
		writeSync(fd, head);
		let left = size - head.length - tail.length;
		while (left > 0) left -= writeSync(fd, filler, 0, Math.min(filler.length, left));
		writeSync(fd, tail);
	} finally {
		closeSync(fd);
	}
}

function memoryOf(pid: number): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
	return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Resets the kernel's peak-RSS mark, so a spike between two samples is not missed; false where not allowed. */
function resetPeak(pid: number): boolean {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The bench
// ---------------------------------------------------------------------------------------------

export async function benchApplications(options: ApplicationsBenchOptions): Promise<void> {
	const users = options.users ?? 100_000;
	const applications = options.applications ?? 1_000_000;
	const port = options.portalPort;
	const dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-bench-applications-'));
	const postgres = startTempPostgres(options.pgPort);
	const env = { DATA_DIR: dataDir, DATABASE_URL: postgres.url, APP_MODE: 'demo', WEB_CONCURRENCY: '1' };
	let portal = startPortal(port, env);
	const client = new pg.Client({ connectionString: postgres.url });
	try {
		// The portal's start-up applies the migrations and seeds the demo catalog and forms.
		await waitForServer(`http://127.0.0.1:${port}/support`);
		await client.connect();

		console.log(`\n### My applications over ${fmt(applications)} applications of ${fmt(users)} applicants (PostgreSQL)\n`);
		const generation = await generateApplications(client, { users, applications });
		row(['generated', 'rows', 'time']);
		row(['---', '---:', '---:']);
		for (const step of generation.steps) row([step.label, step.rows ? fmt(step.rows) : '', seconds(step.ms)]);
		row([`**total** (application table with indexes: ${fmt(generation.applicationBytes / MIB)} MiB)`, '', `**${seconds(generation.totalMs)}**`]);

		const sessions = await openSessions(client, options.sessions ?? 2_000);
		const byCount = [...sessions].sort((a, b) => a.applications - b.applications);
		const individuals = byCount.filter((s) => s.user.kind === 'individual');
		const entities = byCount.filter((s) => s.user.kind === 'legal_entity');
		const sample = [
			{ label: 'typical individual', session: individuals[Math.floor(individuals.length / 2)]! },
			{ label: 'heaviest individual', session: individuals[individuals.length - 1]! },
			{ label: 'heaviest legal entity', session: entities[entities.length - 1] ?? individuals[0]! }
		];
		await explainQueries(postgres.url, sample);

		// Other users' sessions warm the server up (code, pool, caches) without touching the measured ones.
		const warmUp = await openSessions(client, 200);
		await loadAsUsers(port, warmUp.map((s) => ({ path: '/applications', token: s.token })), CONNECTIONS, Math.min(3, options.duration));

		const paged = sessions.filter((s) => s.applications > 20);
		console.log(`\nSigned-in page views, ${options.duration} s per row, each request as the next of the users (target p95 ≤ ${LIST_TARGET_P95_MS} ms for /applications at ${CONNECTIONS} connections); load average ${loadAverage()}:\n`);
		row(['page', 'users', 'connections', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'portal CPU ms/req', 'portal CPU', 'target met']);
		row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']);
		const show = (label: string, who: string, connections: number, result: MeasuredLoad | LatencyStats, verdict: string) =>
			row([label, who, String(connections), fmt(result.requests), fmt(result.requestsPerSecond), fmt(result.p50, 1), fmt(result.p95, 1), fmt(result.p99, 1), fmt(result.errors), 'cpuMsPerRequest' in result ? fmt(result.cpuMsPerRequest, 2) : '–', 'cpuShare' in result ? `${fmt(100 * result.cpuShare)}%` : '–', verdict]);
		const runs: [string, string, BenchSession[], number][] = [
			['/applications', `${fmt(sessions.length)} random`, sessions, CONNECTIONS],
			['/applications?page=2', `${fmt(paged.length)} with > 20`, paged, CONNECTIONS],
			['/applications', `${fmt(sessions.length)} random`, sessions, 1],
			// The same users on a signed-in page without the list: what the framework costs on its own.
			['/support', `${fmt(sessions.length)} random`, sessions, CONNECTIONS]
		];
		for (const [pagePath, who, group, connections] of runs) {
			if (group.length === 0) continue;
			const result = await measureLoad(port, portal.pid!, group.map((s) => ({ path: pagePath, token: s.token })), connections, options.duration, 0);
			const verdict = connections !== CONNECTIONS || !pagePath.startsWith('/applications') ? '–' : result.p95 <= LIST_TARGET_P95_MS && result.errors === 0 ? 'yes' : 'NO';
			show(pagePath, who, connections, result, verdict);
		}

		// What this machine does with the same bytes and no work at all, at the same moment.
		const typical = sample[0]!.session;
		const listBody = Buffer.from(await (await fetch(`http://127.0.0.1:${port}/applications`, { headers: { cookie: `session=${typical.token}` } })).arrayBuffer());
		const bare = startBareServer(port + 1, listBody);
		try {
			await waitForServer(`http://127.0.0.1:${port + 1}/`);
			show('bare node:http, the same bytes', '–', CONNECTIONS, await measureLoad(port + 1, bare.pid!, [{ path: '/' }], CONNECTIONS, options.duration, 0), '–');
		} finally {
			await stop(bare);
		}

		// The same load on two server processes sharing the port (WEB_CONCURRENCY=2), as a machine with
		// two cores would run the portal; the CPU is that of the supervisor and its workers together.
		await stop(portal);
		portal = startPortal(port, { ...env, WEB_CONCURRENCY: '2' });
		await waitForServer(`http://127.0.0.1:${port}/support`);
		await loadAsUsers(port, warmUp.map((s) => ({ path: '/applications', token: s.token })), CONNECTIONS, Math.min(3, options.duration));
		const twoProcesses = await measureLoad(port, portal.pid!, sessions.map((s) => ({ path: '/applications', token: s.token })), CONNECTIONS, options.duration, 0);
		show('/applications, 2 processes', `${fmt(sessions.length)} random`, CONNECTIONS, twoProcesses, twoProcesses.p95 <= LIST_TARGET_P95_MS && twoProcesses.errors === 0 ? 'yes' : 'NO');

		console.log(`\nLoad average afterwards ${loadAverage()}. One connection shows a request's own time, without queueing; /support, the cost of a signed-in page without the list. Portal CPU: user + system time of the server's processes per request and over wall time (100% being one core); on a busy machine latency is mostly waiting for a core, CPU per request much less so.`);

		// A fresh process for saves and uploads: memory figures must not depend on what the load test left in the heap.
		await stop(portal);
		portal = startPortal(port, env);
		await waitForServer(`http://127.0.0.1:${port}/support`);
		const applicant = await createApplicant(client);
		const fields = { organisation_name: 'Bench LLP', iin_bin: applicant.iin, last_name: 'Uploader', first_name: 'Bench', position: 'Director', phone: '+77011234567', email: 'uploader@example.com', acting_as: 'head', intent: 'save' };
		const form = multipart(fields);
		// Saves first: the upload runs below then measure the file path, not the first use of the form code.
		const warmDraft = await orderDraft(port, applicant.token);
		// The application form is the one page that ships JavaScript (uploads with progress, modal dialogs).
		const weight = await pageWeight(`http://127.0.0.1:${port}/applications/${warmDraft}/steps/${STEP}`, { cookie: `session=${applicant.token}` });
		console.log(`\nThe application form page loads ${fmt(weight.js / 1024, 1)} KiB of JavaScript and ${fmt(weight.css / 1024, 1)} KiB of CSS (gzipped); the public pages load none.`);
		for (let i = 0; i < 20; i++) await saveStep(port, applicant.token, warmDraft, form);
		console.log(`\n### Step Save (${SERVICE}, step «${STEP}», fields only, ${SAVES} saves, portal restarted and warmed up with 20 saves)\n`);
		row(['clients', 'saves', 'saves/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors']);
		row(['---', '---:', '---:', '---:', '---:', '---:', '---:']);
		for (const clients of [1, SAVE_CLIENTS]) {
			// One draft per client: saves of one draft queue on its row lock by design.
			const drafts = await Promise.all(Array.from({ length: clients }, () => orderDraft(port, applicant.token)));
			const latencies: number[] = [];
			let errors = 0;
			let left = SAVES;
			const started = performance.now();
			await Promise.all(
				drafts.map(async (number) => {
					while (left > 0) {
						left--;
						const [response, ms] = await timed(() => saveStep(port, applicant.token, number, form));
						latencies.push(ms);
						if (response.status !== 303 || !response.location.includes('?saved')) errors++;
					}
				})
			);
			const result = stats(latencies, errors, performance.now() - started);
			row([String(clients), fmt(result.requests), fmt(result.requestsPerSecond, 1), fmt(result.p50, 1), fmt(result.p95, 1), fmt(result.p99, 1), fmt(result.errors)]);
		}

		const pid = portal.pid!;
		const pdf = path.join(dataDir, 'bench-upload.pdf');
		writePdf(pdf, UPLOAD_BYTES);
		const upload = multipart(fields, [{ field: 'file:identity_document', name: 'passport-scan.pdf', contentType: 'application/pdf', path: pdf }]);
		console.log(`\n### Server memory while receiving one ${fmt(UPLOAD_BYTES / MIB, 2)} MiB PDF (step Save, RSS of the portal process, target growth ≤ ${UPLOAD_TARGET_MIB} MiB)\n`);
		row(['run', 'before MiB', 'peak MiB', 'after MiB', 'growth MiB', 'time s', 'stored', 'target met']);
		row(['---', '---:', '---:', '---:', '---:', '---:', '---', '---']);
		let hasKernelPeak = true;
		for (let run = 1; run <= UPLOAD_RUNS; run++) {
			// A new draft each time: the identity document allows two files.
			const number = await orderDraft(port, applicant.token);
			await pause(500);
			const before = memoryOf(pid).rss;
			hasKernelPeak = resetPeak(pid) && hasKernelPeak;
			let peak = before;
			const sampler = setInterval(() => {
				peak = Math.max(peak, memoryOf(pid).rss);
			}, 20);
			const [response, ms] = await timed(() => saveStep(port, applicant.token, number, upload));
			clearInterval(sampler);
			const now = memoryOf(pid);
			if (hasKernelPeak) peak = Math.max(peak, now.peak);
			await pause(1000);
			const after = memoryOf(pid).rss;
			const stored = await client.query<{ size: string }>(
				`select d.size_bytes as size from application_document d join application a on a.id = d.application_id where a.number = $1 and d.requirement_key = 'identity_document'`,
				[number]
			);
			const isStored = response.status === 303 && Number(stored.rows[0]?.size) === UPLOAD_BYTES;
			const growth = (peak - before) / MIB;
			row([String(run), fmt(before / MIB, 1), fmt(peak / MIB, 1), fmt(after / MIB, 1), fmt(growth, 1), fmt(ms / 1000, 2), isStored ? 'yes' : `NO (${response.status})`, growth <= UPLOAD_TARGET_MIB && isStored ? 'yes' : 'NO']);
		}
		console.log(`\nPeak: the larger of VmRSS sampled every 20 ms and ${hasKernelPeak ? "the kernel's VmHWM, reset before each run" : 'nothing else (VmHWM could not be reset here)'}; "after" is 1 s after the answer.`);
	} finally {
		agent.destroy();
		await client.end().catch(() => undefined);
		await stop(portal);
		postgres.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
