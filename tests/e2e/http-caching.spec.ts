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
