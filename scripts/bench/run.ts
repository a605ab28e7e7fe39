/**
 * npm run bench: throughput of public pages on PGlite and PostgreSQL beside a bare node:http server
 * returning the same bytes, search latency over 10,000 generated services, password hashing, the
 * gzipped JS and CSS each public page ships, and applications at scale (My applications over a
 * million applications, memory while a 20 MB file arrives, step Save latency) and page latency
 * while the mail server takes 20 s per message (outbox), and the office (chat messages between two
 * instances over live threads, memory per open thread, the supervisor's queue over a million
 * applications), and EDS signature verifications per second. Needs a build (`npm run build`) and, for PostgreSQL, Debian's server.
 * `BENCH_ONLY=search,applications` runs only the parts named.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { benchApplications } from './applications.ts';
import { pageWeight } from './bundle.ts';
import { benchOffice } from './office.ts';
import { benchOutbox } from './outbox.ts';
import { load, loadAverage, measureLoad, startBareServer, startPortal, stop, waitForServer, type LoadResult } from './http.ts';
import { benchPasswords } from './passwords.ts';
import { benchSearch } from './search.ts';
import { benchSignatures } from './signatures.ts';
import { startTempPostgres } from '../lib/temp-postgres.ts';
import { userAccount } from '../../src/lib/server/accounts/schema.ts';
import { createSession } from '../../src/lib/server/accounts/session.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const PAGES = [
	['home', '/'],
	['passport', '/ru/services/nadloc-promotion-reimbursement'],
	['search', '/search?q=%D1%81%D1%83%D0%B1%D1%81%D0%B8%D0%B4%D0%B8%D1%8F']
] as const;
const JS_BUDGET = 50 * 1024;
const CSS_BUDGET = 30 * 1024;
const SEARCH_TARGET_P95 = 20;
const PARTS = ['pages', 'search', 'passwords', 'signatures', 'bundle', 'applications', 'outbox', 'office'] as const;
const only = (process.env.BENCH_ONLY ?? '').split(',').map((part) => part.trim()).filter(Boolean);
const unknown = only.filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknown.length > 0) {
	console.error(`BENCH_ONLY: unknown part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}.`);
	process.exit(1);
}
const runs = (part: (typeof PARTS)[number]) => only.length === 0 || only.includes(part);

if (!existsSync('build/handler.js')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);

/**
 * A signed-in visitor for the uncached rows: an applicant account and a session opened as sign-in
 * opens one, written before the portal starts (the embedded database has one owner at a time).
 */
async function openBenchSession(env: Record<string, string>): Promise<string> {
	const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: `${env.DATA_DIR}/pglite` });
	try {
		const login = '000000000017';
		await handle.db
			.insert(userAccount)
			.values({ kind: 'individual', login, firstName: 'Bench', lastName: 'Visitor', phone: '+77010000017', passwordHash: 'bench: signs in by session only', isActive: true, activatedAt: new Date() })
			.onConflictDoNothing();
		const [user] = await handle.db.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.login, login));
		return (await createSession(handle.db, { userId: user!.id, role: 'applicant', isRemembered: true })).token;
	} finally {
		await handle.close();
	}
}

async function benchPortal(label: string, env: Record<string, string>, port: number) {
	const token = await openBenchSession(env);
	const portal = startPortal(port, env);
	try {
		await waitForServer(`http://127.0.0.1:${port}/support`);
		console.log(`\n### Public pages on ${label} (${CONNECTIONS} connections, ${DURATION} s each; load average ${loadAverage()})\n`);
		row(['page', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'ratio to bare']);
		row(['---', '---', '---:', '---:', '---:', '---:', '---:']);
		const results: { page: string; portal: LoadResult; bare: LoadResult }[] = [];
		for (const [name, pagePath] of PAGES) {
			const url = `http://127.0.0.1:${port}${pagePath}`;
			const body = Buffer.from(await (await fetch(url)).arrayBuffer());
			const portalResult = await load(url, CONNECTIONS, DURATION);
			const barePort = port + 1;
			const bare = startBareServer(barePort, body);
			await waitForServer(`http://127.0.0.1:${barePort}/`);
			const bareResult = await load(`http://127.0.0.1:${barePort}/`, CONNECTIONS, DURATION);
			await stop(bare);
			results.push({ page: name, portal: portalResult, bare: bareResult });
			const ratio = portalResult.requestsPerSecond / bareResult.requestsPerSecond;
			row([name, 'portal', fmt(portalResult.requestsPerSecond), fmt(portalResult.p50, 1), fmt(portalResult.p99, 1), String(portalResult.errors + portalResult.non2xx), fmt(ratio, 2)]);
			row([name, 'bare node:http', fmt(bareResult.requestsPerSecond), fmt(bareResult.p50, 1), fmt(bareResult.p99, 1), String(bareResult.errors + bareResult.non2xx), '1.00']);
		}
		// The same pages for a signed-in visitor: the session cookie bypasses the render cache, so each
		// view looks the session up, counts the bell and renders the page.
		const signedInSeconds = Math.max(3, Math.round(DURATION / 2));
		console.log(`\nSigned in on ${label} (a real session: render cache bypassed, session and bell read; ${CONNECTIONS} connections, ${signedInSeconds} s each after 2 s of warm-up; load average ${loadAverage()}):\n`);
		row(['page', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'portal CPU ms/req', 'portal CPU']);
		row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
		for (const [name, pagePath] of PAGES) {
			const result = await measureLoad(port, portal.pid!, [{ path: pagePath, token }], CONNECTIONS, signedInSeconds);
			row([name, fmt(result.requestsPerSecond), fmt(result.p50, 1), fmt(result.p95, 1), fmt(result.p99, 1), String(result.errors), fmt(result.cpuMsPerRequest, 2), `${fmt(100 * result.cpuShare)}%`]);
		}
		return results;
	} finally {
		await stop(portal);
	}
}

async function main() {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-bench-'));
	const postgres = runs('pages') || runs('search') ? startTempPostgres(Number(process.env.BENCH_PG_PORT ?? 55440)) : null;
	try {
		console.log('# Atameken Services benchmark');
		if (runs('pages')) {
			await benchPortal('PGlite (embedded)', { DATA_DIR: dataDir }, 3200);
			await benchPortal('PostgreSQL', { DATA_DIR: dataDir, DATABASE_URL: postgres!.url }, 3210);
		}

		if (runs('search')) {
			console.log('\n### Search over 10,000 generated services (200 queries, target p95 ≤ 20 ms)\n');
			row(['database', 'p50 ms', 'p95 ms', 'max ms', 'target met']);
			row(['---', '---:', '---:', '---:', '---']);
			for (const [label, url] of [['PGlite', undefined], ['PostgreSQL', postgres!.url]] as const) {
				const result = await benchSearch(url);
				row([label, fmt(result.p50, 2), fmt(result.p95, 2), fmt(result.max, 2), result.p95 <= SEARCH_TARGET_P95 ? 'yes' : 'NO']);
			}
		}

		if (runs('passwords')) {
			console.log('\n### Password hashing (argon2id, hash-wasm, one core)\n');
			const passwords = await benchPasswords();
			row(['parameters', 'hash ms', 'verify ms', 'sign-ins/s per core', `RSS growth, ${passwords.concurrency} concurrent sign-ins`]);
			row(['---', '---:', '---:', '---:', '---:']);
			row([passwords.parameters, fmt(passwords.hashMs, 1), fmt(passwords.verifyMs, 1), fmt(passwords.loginsPerSecondPerCore, 1), `${fmt(passwords.memoryGrowthMiB, 1)} MiB`]);
			console.log(`\nA page served by the same process while ${passwords.rounds} bursts of ${passwords.concurrency} concurrent sign-in checks run (8 keep-alive connections from another process):\n`);
			row(['hashing', 'bursts took ms', 'event-loop delay p99 ms', 'max ms', 'page p50 ms', 'page p95 ms', 'page max ms', 'requests']);
			row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
			for (const burst of passwords.signInBursts) {
				row([burst.hashing, fmt(burst.wallMs), fmt(burst.loopDelayP99Ms, 1), fmt(burst.loopDelayMaxMs, 1), fmt(burst.pageP50Ms, 1), fmt(burst.pageP95Ms, 1), fmt(burst.pageMaxMs, 1), String(burst.pageRequests)]);
			}
		}

		if (runs('signatures')) await benchSignatures();
		if (runs('bundle')) {
			console.log('\n### Gzipped JS and CSS per public page (budget ≤ 50 KB JS, ≤ 30 KB CSS)\n');
			const portal = startPortal(3220, { DATA_DIR: dataDir });
			try {
				await waitForServer('http://127.0.0.1:3220/support');
				row(['page', 'JS KB', 'CSS KB', 'within budget']);
				row(['---', '---:', '---:', '---']);
				for (const [name, pagePath] of [...PAGES, ['category', '/en/categories/financing'], ['support', '/support']] as const) {
					const weight = await pageWeight(`http://127.0.0.1:3220${pagePath}`);
					row([name, fmt(weight.js / 1024, 1), fmt(weight.css / 1024, 1), weight.js <= JS_BUDGET && weight.css <= CSS_BUDGET ? 'yes' : 'NO']);
				}
			} finally {
				await stop(portal);
			}
		}

		// Its own PostgreSQL: a million applications would skew the other parts' figures.
		if (runs('applications')) {
			await benchApplications({ duration: DURATION, pgPort: Number(process.env.BENCH_APPLICATIONS_PG_PORT ?? 55491), portalPort: 3230 });
		}

		if (runs('outbox')) {
			await benchOutbox({ portalPort: 3240, smtpPort: Number(process.env.BENCH_SMTP_PORT ?? 2525), pgPort: Number(process.env.BENCH_OUTBOX_PG_PORT ?? 55492) });
		}

		// Its own PostgreSQL too: two instances share it, and the queue part loads a million applications.
		if (runs('office')) {
			await benchOffice({ duration: DURATION, pgPort: Number(process.env.BENCH_OFFICE_PG_PORT ?? 55493), portalPort: 3250 });
		}
	} finally {
		postgres?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
