import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

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
			{ timeout: 60_000 }
		)
		.toBe(200);
}

for (const [entry, port] of [
	['build', 3191],
	['server/index.ts', 3192]
] as const) {
	test(`node ${entry} serves and exits cleanly on SIGTERM`, async () => {
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
