import { expect, test } from '@playwright/test';

test('public pages carry an ETag and answer If-None-Match with 304', async ({ request }) => {
	for (const path of ['/', '/ru/categories/financing', '/en/services/ppp-contract-consultation', '/search?q=грант']) {
		const first = await request.get(path);
		expect(first.status()).toBe(200);
		const etag = first.headers()['etag'];
		expect(etag, path).toBeTruthy();
		expect(first.headers()['cache-control']).toContain('public');
		expect(first.headers()['cache-control']).toContain('must-revalidate');

		const again = await request.get(path, { headers: { 'If-None-Match': etag! } });
		expect(again.status()).toBe(304);
		expect(await again.body()).toHaveLength(0);
	}
});

test('security headers are sent on every page', async ({ request }) => {
	const response = await request.get('/en/');
	const headers = response.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	const csp = headers['content-security-policy'] ?? '';
	for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(directive);
});

test('404 pages are not cached as public', async ({ request }) => {
	const response = await request.get('/services/missing');
	expect(response.status()).toBe(404);
	expect(response.headers()['cache-control'] ?? '').not.toContain('public');
});

test('a cross-site form post is refused', async ({ request }) => {
	const response = await request.post('/en/login', {
		headers: { origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'login=871008401427&password=x'
	});
	expect(response.status()).toBe(403);
});

test('the eleventh wrong password in an hour from one source locks sign-in for that IIN there with 429, even for an unknown IIN', async ({ request }) => {
	const login = `90011549${String(Math.floor(Math.random() * 9000) + 1000)}`;
	const attempt = () =>
		request.post('/en/login', { headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, data: `login=${login}&password=wrong+password+here` });
	for (let i = 0; i < 10; i++) expect((await attempt()).status()).toBe(400);
	const locked = await attempt();
	expect(locked.status()).toBe(429);
	expect(await locked.text()).toContain('Sign-in is blocked for now');
});
