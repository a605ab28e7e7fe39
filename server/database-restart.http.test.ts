/**
 * The built server through a PostgreSQL restart: pages that need the database answer 503 with the
 * retry page while it is gone (catalog answers already in memory are still shown) and 200 again
 * soon after it is back. Needs `npm run build` first (skipped without
 * it) and runs when TEST_BUILT_SERVER is set, as the test script does after the build; it starts
 * its own throw-away PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userAccount } from '../src/lib/server/accounts/schema.ts';
import { createSession } from '../src/lib/server/accounts/session.ts';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/client.ts';
import { freePort, postgresBinDir, startRestartablePostgres, type RestartablePostgres } from '../src/lib/server/db/restartable-postgres.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIMIT_MS = 10_000;
const UNAVAILABLE_TEXT = 'temporarily unavailable';

const isBuilt = existsSync(path.join(ROOT, 'build', 'handler.js'));

describe.skipIf(!process.env.TEST_BUILT_SERVER || !postgresBinDir() || !isBuilt)('the built server through a PostgreSQL restart', () => {
	let database: RestartablePostgres;
	let handle: DatabaseHandle;
	let app: ChildProcess;
	let base: string;
	let sessionCookie: string;
	let dataDir: string;
	let log = '';

	beforeAll(async () => {
		database = await startRestartablePostgres();
		dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-restart-app-'));
		const port = await freePort();
		base = `http://127.0.0.1:${port}`;
		const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', RENDER_CACHE_ENTRIES: '0', DATA_DIR: dataDir, APP_MODE: 'development', WEB_CONCURRENCY: '1' };
		delete env.ORIGIN;
		app = spawn(process.execPath, ['server/index.ts'], {
			cwd: ROOT,
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		app.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
		app.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
		// Start-up applies the migrations and loads the demo catalog.
		await answersWithin(90_000, '/en/support', 200);

		handle = await openDatabase({ url: database.url, poolSize: 2 });
		const [user] = await handle.db
			.insert(userAccount)
			.values({ kind: 'individual', login: '871008401427', firstName: 'Айгерім', lastName: 'Сәрсенова', phone: '+77011234567', passwordHash: 'x', isActive: true })
			.returning({ id: userAccount.id });
		const { token } = await createSession(handle.db, { userId: user!.id, role: 'applicant', isRemembered: false });
		sessionCookie = `session=${token}`;
	}, 120_000);

	afterAll(async () => {
		try {
			if (app && app.exitCode === null) {
				const exited = new Promise((resolve) => app.once('exit', resolve));
				app.kill('SIGTERM');
				await exited;
			}
			await Promise.race([handle?.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
		} finally {
			await database?.destroy();
			if (dataDir) rmSync(dataDir, { recursive: true, force: true });
		}
	}, 30_000);

	async function get(pathname: string, isSignedIn = false): Promise<{ status: number; body: string; ms: number }> {
		const started = Date.now();
		const response = await fetch(base + pathname, { headers: { accept: 'text/html', ...(isSignedIn ? { cookie: sessionCookie } : {}) }, redirect: 'manual', signal: AbortSignal.timeout(LIMIT_MS + 5_000) });
		const body = await response.text();
		return { status: response.status, body, ms: Date.now() - started };
	}

	/** Asks again until the page answers with `status`; returns how long that took. */
	async function answersWithin(timeoutMs: number, pathname: string, status: number, isSignedIn = false): Promise<number> {
		const started = Date.now();
		let last = '';
		for (;;) {
			const answer = await get(pathname, isSignedIn).catch((error: unknown) => ({ status: 0, body: String(error), ms: 0 }));
			if (answer.status === status) return Date.now() - started;
			last = `${answer.status} ${answer.body.slice(0, 200)}`;
			if (Date.now() - started > timeoutMs) throw new Error(`${pathname} did not answer ${status} within ${timeoutMs} ms (last: ${last})\n${log.slice(-2000)}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** Public pages that need the database: a search not asked before, and the support page's contacts. */
	const publicPages = (mode: string) => ['/en/support', `/en/search?q=license+${mode}`];
	const signedInPages = ['/en/settings', '/en/applications', '/en/profile'];
	/** The home page's catalog blocks, once read, are kept in memory until content changes. */
	const remembered = '/en';

	const resubscriptions = (channel: string) => log.split(`[db] listening to ${channel} again`).length - 1;

	it.each(['fast', 'immediate'] as const)('answers 503 with the retry page during the outage (%s stop) and 200 within 10 s of the database returning', async (mode) => {
		for (const page of signedInPages) expect((await get(page, true)).status).toBe(200);
		expect((await get(remembered)).status).toBe(200);
		const listenedBefore = { content: resubscriptions('content_version'), outbox: resubscriptions('outbox') };

		await database.stop(mode);
		// What was already read from the catalog is still shown, in full, without the database.
		const home = await get(remembered);
		console.log(`[http ${mode}] ${remembered} during the outage: ${home.status} in ${home.ms} ms`);
		expect(home.status).toBe(200);
		expect(home.body).toContain('Business assistance');
		expect(home.ms).toBeLessThan(LIMIT_MS);
		for (const page of publicPages(mode)) {
			const answer = await get(page);
			console.log(`[http ${mode}] ${page} during the outage: ${answer.status} in ${answer.ms} ms`);
			expect(answer.status).toBe(503);
			expect(answer.body).toContain(UNAVAILABLE_TEXT);
			expect(answer.ms).toBeLessThan(LIMIT_MS);
		}
		for (const page of signedInPages) {
			const answer = await get(page, true);
			console.log(`[http ${mode}] ${page} (signed in) during the outage: ${answer.status} in ${answer.ms} ms`);
			// The session is read in hooks.server.ts, before any route: SvelteKit answers with src/error.html.
			expect(answer.status).toBe(503);
			expect(answer.body).toContain(UNAVAILABLE_TEXT);
			expect(answer.ms).toBeLessThan(LIMIT_MS);
		}

		await database.start();
		const startedAt = Date.now();
		const publicMs = await answersWithin(LIMIT_MS, '/en/support', 200);
		const signedInMs = await answersWithin(LIMIT_MS, '/en/settings', 200, true);
		console.log(`[http ${mode}] back to 200 after ${publicMs} ms (public), ${publicMs + signedInMs} ms (signed in)`);
		// Both subscriptions of the app (content version, outbox wake-up) listen again by themselves.
		while (resubscriptions('content_version') === listenedBefore.content || resubscriptions('outbox') === listenedBefore.outbox) {
			expect(Date.now() - startedAt, `listening again\n${log.slice(-2000)}`).toBeLessThan(LIMIT_MS);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		console.log(`[http ${mode}] both subscriptions back after ${Date.now() - startedAt} ms`);
		for (const page of [...publicPages(mode), remembered]) expect((await get(page)).status).toBe(200);
		for (const page of signedInPages) expect((await get(page, true)).status).toBe(200);
		expect(log).not.toMatch(/\[error [0-9a-f-]+\]/);
	});
});
