import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signUp, uniqueIin, uniqueMobile } from './support/people.ts';
import { SERVER_START_MS } from './support/servers.ts';

const PORT = 3194;
const origin = `http://127.0.0.1:${PORT}`;

function startServer(dataDir: string) {
	const child = spawn(process.execPath, ['server/index.ts'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), DATA_DIR: dataDir, APP_MODE: 'demo' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return { child, exited, output: () => output };
}

async function waitUntilServing() {
	await expect.poll(() => fetch(`${origin}/support`).then((r) => r.status, () => 0), { timeout: SERVER_START_MS }).toBe(200);
}

test('killing the server with SIGKILL between two step saves loses nothing that was saved', async ({ page }) => {
	// Two server starts (before and after the kill) and a journey between them.
	test.setTimeout(2 * SERVER_START_MS + 120_000);
	const dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-crash-'));
	let server = startServer(dataDir);
	try {
		await waitUntilServing();
		const iin = uniqueIin();
		await signUp(page, { firstName: 'Asel', lastName: 'Nurlan', iin, email: `a-${iin}@example.kz`, phone: uniqueMobile() }, { origin, dataDir });
		await page.goto(`${origin}/en/services/statistical-reporting-consultation`);
		await page.getByRole('button', { name: 'Order the service' }).click();
		await page.getByLabel('Name of the organisation or sole trader').fill('IP Nurlan');
		await page.getByLabel('Position').fill('Owner');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
		const stepUrl = page.url().split('?')[0]!;

		// The second step is being typed when the process dies without any chance to clean up.
		await page.getByRole('link', { name: /Statistical reporting/ }).first().click();
		await page.getByLabel('Your question').fill('Typed but never saved');
		server.child.kill('SIGKILL');
		await server.exited;

		server = startServer(dataDir);
		await waitUntilServing();
		// Still signed in (sessions live in the database), and the first step is as it was saved.
		await page.goto(stepUrl);
		await expect(page.getByLabel('Name of the organisation or sole trader')).toHaveValue('IP Nurlan');
		await expect(page.getByLabel('Position')).toHaveValue('Owner');
		await page.getByRole('link', { name: /Statistical reporting/ }).first().click();
		await page.getByLabel('Your question').fill('Saved after the restart');
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(page.getByRole('dialog')).toBeVisible();

		server.child.kill('SIGKILL');
		await server.exited;
		server = startServer(dataDir);
		await waitUntilServing();
		await page.reload();
		await expect(page.getByLabel('Your question')).toHaveValue('Saved after the restart');
	} finally {
		server.child.kill('SIGKILL');
		await server.exited;
		rmSync(dataDir, { recursive: true, force: true });
	}
});
