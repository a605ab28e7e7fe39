import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { messagesTo, TEST_PASSWORD, uniqueIin, uniqueMobile } from './support/people.ts';
import { SERVER_START_MS, WITH_OWN_SERVER_MS } from './support/servers.ts';

// A TLS-terminating proxy in front of the portal, played at the HTTP level: requests arrive over
// plain http on the portal's port, carrying the proxy's Host and the browser's https Origin.
test.describe.configure({ mode: 'serial' });

const PORT = 3197;
const PUBLIC_HOST = 'services.example.kz';
const PUBLIC_ORIGIN = `https://${PUBLIC_HOST}`;

let dataDir = '';
let server: ReturnType<typeof spawn> | undefined;
let output = '';

test.beforeAll(async () => {
	test.setTimeout(WITH_OWN_SERVER_MS);
	dataDir = mkdtempSync(path.join(tmpdir(), 'atameken-proxy-'));
	server = spawn(process.execPath, ['server/index.ts'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), DATA_DIR: dataDir, APP_MODE: 'demo', ORIGIN: PUBLIC_ORIGIN },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout!.on('data', (chunk) => (output += chunk));
	server.stderr!.on('data', (chunk) => (output += chunk));
	await expect.poll(() => fetch(`http://127.0.0.1:${PORT}/support`, { headers: { host: PUBLIC_HOST } }).then((r) => r.status, () => 0), { timeout: SERVER_START_MS }).toBe(200);
});

test.afterAll(async () => {
	if (server && server.exitCode === null) {
		const exited = new Promise((resolve) => server!.once('exit', resolve));
		server.kill('SIGTERM');
		await exited;
	}
	rmSync(dataDir, { recursive: true, force: true });
});

/** A browser behind the proxy: keeps the cookies it is given and sends what a browser sends. */
function proxiedClient() {
	const jar = new Map<string, string>();
	const setCookies: string[] = [];
	async function request(pathname: string, init: { method?: string; form?: Record<string, string>; multipart?: Record<string, string> } = {}) {
		const headers: Record<string, string> = { host: PUBLIC_HOST, 'x-forwarded-proto': 'https', accept: 'text/html' };
		if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
		let body: string | FormData | undefined;
		if (init.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			body = new URLSearchParams(init.form).toString();
		}
		if (init.multipart) {
			// The application step is a multipart form (it carries files); fetch sets the boundary.
			body = new FormData();
			for (const [name, value] of Object.entries(init.multipart)) body.append(name, value);
		}
		if (body !== undefined) headers.origin = PUBLIC_ORIGIN;
		const response = await fetch(`http://127.0.0.1:${PORT}${pathname}`, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
		for (const cookie of response.headers.getSetCookie()) {
			setCookies.push(cookie);
			const [pair] = cookie.split(';');
			const [name, ...value] = pair!.split('=');
			if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) jar.delete(name!);
			else jar.set(name!, value.join('='));
		}
		return response;
	}
	return { request, setCookies, jar };
}

function codeSentTo(phone: string): string {
	const newest = messagesTo(phone, dataDir).at(-1);
	return /(\d{4,8})/.exec(newest ?? '')?.[1] ?? '';
}

test('behind a TLS proxy, registration, sign-in and a step save work and the cookies are __Host- and Secure', async () => {
	test.setTimeout(90_000);
	const client = proxiedClient();
	const iin = uniqueIin();
	const phone = uniqueMobile();

	const registered = await client.request('/en/register', {
		form: { kind: 'individual', firstName: 'Aigerim', lastName: 'Proxied', patronymic: '', login: iin, email: `proxy-${iin}@example.kz`, phone, password: TEST_PASSWORD, passwordRepeat: TEST_PASSWORD, channel: 'sms', consent: 'yes' }
	});
	expect(registered.status, await registered.clone().text()).toBe(303);
	expect(registered.headers.get('location')).toBe('/en/register/confirm');
	// Pages know they are served over https: HSTS is sent.
	expect(registered.headers.get('strict-transport-security')).toContain('max-age=31536000');

	let code = '';
	await expect.poll(() => (code = codeSentTo(phone)), { timeout: 15_000 }).not.toBe('');
	const confirmed = await client.request('/en/register/confirm?/verify', { form: { code } });
	expect(confirmed.status).toBe(303);
	const sessionCookie = client.setCookies.find((cookie) => cookie.startsWith('__Host-session='));
	expect(sessionCookie, client.setCookies.join('\n')).toBeDefined();
	expect(sessionCookie).toMatch(/; Secure/i);
	expect(sessionCookie).toMatch(/; HttpOnly/i);
	expect(sessionCookie).toMatch(/; Path=\//i);
	expect(client.setCookies.some((cookie) => /^session=/.test(cookie))).toBe(false);

	const ordered = await client.request('/en/services/statistical-reporting-consultation/order', { form: {} });
	expect(ordered.status).toBe(303);
	const stepPath = ordered.headers.get('location')!;
	expect(stepPath).toMatch(/^\/en\/applications\/\d+-\d{2}-\d{2}-\d{2}\/steps\/applicant$/);
	const saved = await client.request(`${stepPath}?/save`, { multipart: { position: 'Director' } });
	expect(saved.status).toBe(303);
	expect(saved.headers.get('location')).toBe(`${stepPath}?saved`);
	const page = await client.request(`${stepPath}?saved`);
	expect(page.status).toBe(200);
	expect(await page.text()).toContain('value="Director"');

	// Signing out and in again through the proxy.
	const loggedOut = await client.request('/en/logout', { form: {} });
	expect(loggedOut.status).toBe(303);
	const login = await client.request('/en/login', { form: { login: iin, password: TEST_PASSWORD } });
	expect(login.status).toBe(303);
	expect(login.headers.get('location')).toContain('/en/login/code');
});

test('behind the proxy, a form posted from another origin is still refused', async () => {
	const response = await fetch(`http://127.0.0.1:${PORT}/en/login`, {
		method: 'POST',
		headers: { host: PUBLIC_HOST, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		body: 'login=1&password=2'
	});
	expect(response.status).toBe(403);
	// An http origin is another origin than the https public one.
	const plain = await fetch(`http://127.0.0.1:${PORT}/en/login`, {
		method: 'POST',
		headers: { host: PUBLIC_HOST, origin: `http://${PUBLIC_HOST}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'login=1&password=2'
	});
	expect(plain.status).toBe(403);
});
