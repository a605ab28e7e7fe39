/**
 * The supervisor's queue over a million applications of one provider: `/office` with a status
 * filter in the default order (the least time left first), and found by number or by IIN, signed
 * in as the provider's supervisor; beside it a bare node:http server with the same bytes, and the
 * plans of the page's queries.
 */
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { route } from '../../src/lib/route.ts';
import { createSession } from '../../src/lib/server/accounts/session.ts';
import type { Actor } from '../../src/lib/server/access/actor.ts';
import type { Executor } from '../../src/lib/server/db/client.ts';
import { readTally } from '../../src/lib/server/office/application-tally.ts';
import { listOfficeQueue } from '../../src/lib/server/office/list-office-queue.ts';
import { listProviderExecutors } from '../../src/lib/server/office/list-provider-executors.ts';
import { listProviderServices } from '../../src/lib/server/office/list-provider-services.ts';
import { readQueueFilter } from '../../src/lib/server/office/queue-filter.ts';
import { generateApplications } from './application-seed.ts';
import { loadAverage, measureLoad, percentile, startBareServer, stop, waitForServer, type MeasuredLoad } from './http.ts';

export interface QueueBenchOptions {
	url: string;
	port: number;
	/** The portal's process, for its CPU time. */
	pid: number;
	duration: number;
	provider: string;
	applications?: number;
	users?: number;
}

export const QUEUE_CONNECTIONS = 20;
export const QUEUE_TARGET_P95_MS = 50;
/** Open applications were sent within this many days: open work is recent work. */
const OPEN_WITHIN_DAYS = 60;
const SEARCHED = 500;
const MIB = 1024 * 1024;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);

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

/** The page's queries told apart by their text; the one left is the list itself. */
const QUERY_NAMES: [RegExp, string][] = [
	[/group by/, 'tally: counters, total, open work'],
	[/^select count\(\*\)/, 'queue: total'],
	[/"role" = /, 'executors with open work'],
	[/^select "id", "title" from "service"/, 'services']
];

interface QueueView {
	label: string;
	/** Each request the next of these: a search looks for a different application each time. */
	paths: string[];
}

/**
 * The SQL the page runs for each view, captured from the app's own functions through Drizzle's
 * logger (the ones the page's load calls), then explained: where the time goes when the page
 * misses its target.
 */
async function explainViews(url: string, actor: Actor, views: QueueView[]): Promise<void> {
	const pool = new pg.Pool({ connectionString: url, max: 4 });
	const captured: { query: string; params: unknown[] }[] = [];
	const db = drizzle({ client: pool, logger: { logQuery: (query, params) => captured.push({ query, params }) } }) as unknown as Executor;
	try {
		console.log('\nThe page\'s queries (EXPLAIN ANALYZE, one run each; "app ms" is the median of 10 warm calls of the page\'s functions from Node):\n');
		row(['view', 'query', 'rows', 'execution ms', 'indexes', 'app ms']);
		row(['---', '---', '---:', '---:', '---', '---:']);
		for (const view of views) {
			const filter = readQueueFilter(new URL(view.paths[0]!, 'http://x').searchParams);
			// As the page calls them: one read of the tally shared by the list and the executors.
			const call = () => {
				const tally = readTally(db, actor);
				return Promise.all([listOfficeQueue(db, actor, filter, { locale: 'kk', now: new Date(), tally }), listProviderExecutors(db, actor.providerId!, tally), listProviderServices(db, actor.providerId!, 'kk')]);
			};
			const timings: number[] = [];
			for (let i = 0; i < 10; i++) {
				captured.length = 0;
				const started = performance.now();
				await call();
				timings.push(performance.now() - started);
			}
			timings.sort((a, b) => a - b);
			for (const [i, { query, params }] of captured.entries()) {
				const result = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`explain (analyze, format json) ${query}`, params);
				const [plan] = result.rows[0]!['QUERY PLAN'];
				const name = QUERY_NAMES.find(([pattern]) => pattern.test(query))?.[1] ?? 'queue: the page';
				row([i === 0 ? view.label : '', name, fmt(plan.Plan['Actual Rows'] ?? 0), fmt(plan['Execution Time'], 2), [...indexesOf(plan.Plan)].join(', ') || 'none', i === 0 ? fmt(percentile(timings, 0.5), 1) : '']);
			}
		}
	} finally {
		await pool.end();
	}
}

/**
 * Waits until no query is running in the database: the server goes on with requests whose clients
 * have gone (the load test stops, the queries do not), and one row's leftovers must not be counted
 * in the next.
 */
async function settle(client: pg.Client, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	// Quiet for a second: requests waiting for a pooled connection start their queries a moment later.
	let quietSince = Number.POSITIVE_INFINITY;
	while (Date.now() < deadline && Date.now() - quietSince < 1_000) {
		const active = await client.query<{ count: string }>(`select count(*) from pg_stat_activity where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()`);
		if (Number(active.rows[0]!.count) > 0) quietSince = Number.POSITIVE_INFINITY;
		else if (quietSince === Number.POSITIVE_INFINITY) quietSince = Date.now();
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

export async function benchQueue(options: QueueBenchOptions): Promise<void> {
	const applications = options.applications ?? 1_000_000;
	const users = options.users ?? 100_000;
	const client = new pg.Client({ connectionString: options.url });
	await client.connect();
	try {
		const staff = await client.query<{ id: number; role: string; login: string; provider_id: number }>(
			`select u.id, u.role, u.login, u.provider_id from user_account u join provider p on p.id = u.provider_id
			 where p.slug = $1 and u.role in ('supervisor', 'executor') and u.is_active order by u.id`,
			[options.provider]
		);
		const supervisor = staff.rows.find((person) => person.role === 'supervisor')!;
		const executorIds = staff.rows.filter((person) => person.role === 'executor').map((person) => person.id);

		console.log(`\n### The supervisor's queue over ${fmt(applications)} applications of ${options.provider}'s services (PostgreSQL)\n`);
		const generation = await generateApplications(client, { users, applications, providerSlug: options.provider, executorIds, openWithinDays: OPEN_WITHIN_DAYS });
		row(['generated', 'rows', 'time']);
		row(['---', '---:', '---:']);
		for (const step of generation.steps) row([step.label, step.rows ? fmt(step.rows) : '', `${fmt(step.ms / 1000, 1)} s`]);
		row([`**total** (application table with indexes: ${fmt(generation.applicationBytes / MIB)} MiB)`, '', `**${fmt(generation.totalMs / 1000, 1)} s**`]);
		const statuses = await client.query<{ status: string; count: string; assigned: string }>(
			`select status, count(*) as count, count(assigned_executor_id) as assigned from application group by status order by count(*) desc`
		);
		console.log(`\nBy status (assigned to an executor): ${statuses.rows.map((r) => `${r.status} ${fmt(Number(r.count))} (${fmt(Number(r.assigned))})`).join(', ')}.`);

		const { token } = await createSession(drizzle({ client }) as unknown as Executor, { userId: supervisor.id, role: 'supervisor', isRemembered: false });
		const sample = await client.query<{ number: string; login: string }>(
			`select a.number, coalesce(a.organisation_bin, u.login) as login from application a join user_account u on u.id = a.applicant_user_id
			 where a.status <> 'draft' order by random() limit $1`,
			[SEARCHED]
		);
		const views: QueueView[] = [
			{ label: 'in progress', paths: [route.office({ status: 'in_progress' })] },
			{ label: 'open (the default)', paths: [route.office()] },
			{ label: 'by number, all statuses', paths: sample.rows.map((r) => route.office({ status: 'all', query: r.number })) },
			{ label: 'by IIN/BIN, all statuses', paths: sample.rows.map((r) => route.office({ status: 'all', query: r.login })) }
		];
		await explainViews(options.url, { id: supervisor.id, role: 'supervisor', kind: 'individual', login: supervisor.login, providerId: supervisor.provider_id }, views);
		// The bare server's bytes, read while the portal is idle: under the load below it may answer 503.
		const page = await fetch(`http://127.0.0.1:${options.port}${views[0]!.paths[0]}`, { headers: { cookie: `session=${token}` } });
		if (!page.ok) throw new Error(`The queue answered ${page.status} to its supervisor`);
		const body = Buffer.from(await page.arrayBuffer());

		// The page's code, pool and plans warmed up on every view, a few requests one after another:
		// a burst of slow requests would still be running when the measurement starts.
		for (const view of views) {
			for (const path of view.paths.slice(0, 3)) await fetch(`http://127.0.0.1:${options.port}${path}`, { headers: { cookie: `session=${token}` } }).then((response) => response.arrayBuffer());
		}
		console.log(
			`\nSigned in as ${options.provider}'s supervisor, ${options.duration} s per row, ${QUEUE_CONNECTIONS} connections, each row started once the database is idle again (target p95 ≤ ${QUEUE_TARGET_P95_MS} ms); load average ${loadAverage()}:\n`
		);
		row(['page', 'filter', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'portal CPU ms/req', 'portal CPU', 'target met']);
		row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']);
		const show = (label: string, filter: string, result: MeasuredLoad, verdict: string) =>
			row([label, filter, fmt(result.requests), fmt(result.requestsPerSecond), fmt(result.p50, 1), fmt(result.p95, 1), fmt(result.p99, 1), fmt(result.errors), fmt(result.cpuMsPerRequest, 2), `${fmt(100 * result.cpuShare)}%`, verdict]);
		for (const view of views) {
			await settle(client);
			const result = await measureLoad(options.port, options.pid, view.paths.map((path) => ({ path, token })), QUEUE_CONNECTIONS, options.duration, 0);
			show('/office', view.label, result, result.p95 <= QUEUE_TARGET_P95_MS && result.errors === 0 ? 'yes' : 'NO');
		}
		// The same supervisor on a signed-in page that reads nothing but the session: what a page costs
		// this framework on this machine before any of the queue's own work.
		await settle(client);
		show('/support, signed in', '–', await measureLoad(options.port, options.pid, [{ path: route.support(), token }], QUEUE_CONNECTIONS, options.duration, 0), '–');
		await settle(client);
		const bare = startBareServer(options.port + 9, body);
		try {
			await waitForServer(`http://127.0.0.1:${options.port + 9}/`);
			show(`bare node:http, the same ${fmt(body.length / 1024)} KiB`, '–', await measureLoad(options.port + 9, bare.pid!, [{ path: '/' }], QUEUE_CONNECTIONS, options.duration, 0), '–');
		} finally {
			await stop(bare);
		}
		console.log(`\nLoad average afterwards ${loadAverage()}.`);
	} finally {
		await client.end();
	}
}
