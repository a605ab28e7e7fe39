import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTempPostgres } from '../../scripts/lib/temp-postgres.ts';
import { SERVER_START_MS, WITH_OWN_SERVER_MS } from './support/servers.ts';

// These start their own servers; they need no browser.
test.describe.configure({ mode: 'serial' });

function startServer(entry: string, env: Record<string, string>) {
	const child = spawn(process.execPath, [entry], { env: { ...process.env, HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { child, exited, output: () => output };
}

async function waitUntilServing(url: string, exited: Promise<unknown>) {
	let hasExited = false;
	void exited.then(() => (hasExited = true));
	await expect
		.poll(
			async () => {
				if (hasExited) return 'exited';
				return fetch(url).then((r) => r.status, () => 0);
			},
			{ timeout: SERVER_START_MS }
		)
		.toBe(200);
}

for (const [entry, port] of [
	['build', 3191],
	['server/index.ts', 3192]
] as const) {
	test(`node ${entry} serves and exits cleanly on SIGTERM`, async () => {
		test.setTimeout(WITH_OWN_SERVER_MS);
		const dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-lifecycle-'));
		try {
			const server = startServer(entry, { PORT: String(port), DATA_DIR: dataDir, ORIGIN: `http://127.0.0.1:${port}` });
			await waitUntilServing(`http://127.0.0.1:${port}/support`, server.exited);
			server.child.kill('SIGTERM');
			const code = await Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
			expect(code, server.output()).toBe(0);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
}

test('start-up refuses a wrong configuration and names what is wrong', async () => {
	const server = startServer('server/index.ts', { PORT: 'eighty', DATABASE_URL: 'mysql://somewhere' });
	expect(await server.exited).toBe(1);
	expect(server.output()).toContain('PORT');
	expect(server.output()).toContain('DATABASE_URL: must start with postgres:// or postgresql://');
});

test('WEB_CONCURRENCY=2 on PostgreSQL runs two processes that serve and stop together on SIGTERM', async () => {
	test.setTimeout(WITH_OWN_SERVER_MS);
	const postgres = startTempPostgres(55494);
	const dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-cluster-'));
	try {
		const port = 3195;
		const server = startServer('server/index.ts', { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: postgres.url, WEB_CONCURRENCY: '2', APP_MODE: 'demo' });
		await waitUntilServing(`http://127.0.0.1:${port}/support`, server.exited);
		await expect.poll(() => server.output(), { timeout: SERVER_START_MS }).toContain('2 server processes are serving.');
		// The first process alone loaded the demo data; the second found it there.
		expect(server.output().match(/\[seed\] demo catalog loaded/g)).toHaveLength(1);
		server.child.kill('SIGTERM');
		const code = await Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
		expect(code, server.output()).toBe(0);
	} finally {
		postgres.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
