import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// Set once in the main process, so the test workers (which load this file again) see the same
// directory as the server: journeys read development files such as demo-staff.txt from it.
process.env.E2E_DATA_DIR ??= `./test-results/e2e-data-${Date.now()}`;
const dataDir = process.env.E2E_DATA_DIR;
process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/artifacts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// Sized for a busy two-core machine that also runs the server: a journey that passes in 15 s on an
	// idle one may need three times that there. Waits follow the page; nothing sleeps for a fixed time.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: process.env.E2E_BASE_URL,
		browserName: 'chromium',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		},
		navigationTimeout: 30_000,
		trace: 'retain-on-failure'
	},
	webServer: {
		command: 'node server/index.ts',
		url: `http://127.0.0.1:${port}/support`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		// ORIGIN as an operator sets it: every journey then runs with the public origin configured. Every
		// journey comes from 127.0.0.1, as people behind one office address do: the per-address limits are
		// raised as such an operator would raise them (the limits themselves are tested in the unit tests).
		env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, APP_MODE: 'demo', ORIGIN: `http://127.0.0.1:${port}`, REGISTRATIONS_PER_IP_PER_HOUR: '1000', CODE_SENDS_PER_IP_PER_HALF_HOUR: '1000', RATES_REFRESH_MINUTES: '0', CONSULTANT_HOURS: 'mon-sun 00:00-24:00' }
	}
});
