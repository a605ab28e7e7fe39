import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// Set once in the main process, so the test workers (which load this file again) see the same
// directory as the server: journeys read development files such as demo-staff.txt from it.
process.env.E2E_DATA_DIR ??= `./test-results/e2e-data-${Date.now()}`;
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/artifacts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		},
		trace: 'retain-on-failure'
	},
	webServer: {
		command: 'node server/index.ts',
		url: `http://127.0.0.1:${port}/support`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		// ORIGIN as an operator sets it: every journey then runs with the public origin configured.
		env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, APP_MODE: 'demo', ORIGIN: `http://127.0.0.1:${port}` }
	}
});
