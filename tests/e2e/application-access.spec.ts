import { expect, test } from '@playwright/test';
import { pdfFile } from './support/files.ts';
import { signUp, uniqueIin, uniqueMobile } from './support/people.ts';

test("another applicant's application, step, document and message URLs answer 404; a visitor is sent to sign in", async ({ page, browser }) => {
	test.setTimeout(60_000);
	const owner = uniqueIin();
	await signUp(page, { firstName: 'Owner', lastName: 'One', iin: owner, email: `o-${owner}@example.kz`, phone: uniqueMobile() });
	await page.goto('/en/services/statistical-reporting-consultation');
	await page.getByRole('button', { name: 'Order the service' }).click();
	await expect(page.getByText('A file uploads as soon as you choose it.').first()).toBeVisible();
	await page.getByLabel(/Choose a file: Identity document/).setInputFiles(pdfFile('id.pdf'));
	const link = page.getByRole('link', { name: 'id.pdf' });
	await expect(link).toBeVisible();
	const documentPath = new URL((await link.getAttribute('href'))!, page.url()).pathname;
	const number = /applications\/([^/]+)\//.exec(page.url())![1]!;
	const urls = [`/en/applications/${number}`, `/en/applications/${number}/steps/applicant`, documentPath, `/en/applications/${number}/messages`, `/en/applications/${number}/withdraw`, `/en/applications/${number}/delete`];
	// The owner reaches each of them.
	for (const url of urls) expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBeLessThan(400);
	// Odd addresses from the owner get a plain answer, never a server error.
	for (const [url, status] of [
		[`/en/applications/${number}/steps/no-such-step`, 404],
		[`/en/applications/${number}/documents/not-a-uuid`, 404],
		[`/en/applications/${number}/documents/${'-'.repeat(36)}`, 404],
		['/en/applications?page=99999999999999999999', 200],
		[`/en/applications/${number}/results/00000000-0000-4000-8000-000000000000`, 404],
		[`/en/applications/${number}/attachments/00000000-0000-4000-8000-000000000000`, 404],
		[`/en/applications/${number}/attachments/not-a-uuid`, 404],
		['/en/applications/99999-01-01-01', 404],
		['/en/applications/%27%3B--', 404],
		['/en/applications?page=abc&status=nonsense', 200],
		['/applications?page=-3', 200]
	] as const) {
		expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(status);
	}
	await page.goto('/ru/applications?page=999&status=nonsense');
	await expect(page.getByRole('row').filter({ hasText: number })).toContainText('Черновик');

	const strangerContext = await browser.newContext();
	const stranger = await strangerContext.newPage();
	const other = uniqueIin();
	await signUp(stranger, { firstName: 'Other', lastName: 'Two', iin: other, email: `t-${other}@example.kz`, phone: uniqueMobile() });
	for (const url of urls) expect((await stranger.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
	await stranger.goto(`/en/applications/${number}/steps/applicant`);
	await expect(stranger.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	// Posting to the draft's form is refused before its body is read.
	const posted = await stranger.request.post(`/en/applications/${number}/steps/applicant?/save`, {
		multipart: { intent: 'save', organisation_name: 'Taken over' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(posted.status()).toBe(404);
	expect((await stranger.request.get(`/en/applications/${number}/delete`, { maxRedirects: 0 })).status()).toBe(404);
	const deleted = await stranger.request.post(`/en/applications/${number}/delete`, { form: {}, headers: { origin: new URL(page.url()).origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(deleted.status()).toBe(404);
	const withdrawn = await stranger.request.post(`/en/applications/${number}/withdraw`, { form: {}, headers: { origin: new URL(page.url()).origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(withdrawn.status()).toBe(404);
	await strangerContext.close();

	// The session keep-alive is a POST from the portal's own pages, for a signed-in person only.
	const origin = new URL(page.url()).origin;
	const keptAlive = await page.request.post('/session/keep-alive', { headers: { origin } });
	expect(keptAlive.status()).toBe(200);
	expect(await keptAlive.json()).toEqual({ idleSeconds: 30 * 60 });
	expect((await page.request.post('/session/keep-alive', { headers: { origin: 'https://attacker.example' } })).status()).toBe(403);
	expect((await page.request.get('/session/keep-alive')).status()).toBe(405);

	const visitor = await browser.newContext();
	for (const url of urls) {
		const response = await visitor.request.get(url, { maxRedirects: 0 });
		expect(response.status(), url).toBe(303);
		expect(response.headers().location).toContain('/login?next=');
	}
	expect((await visitor.request.post('/session/keep-alive', { headers: { origin } })).status()).toBe(401);
	await visitor.close();

	// The owner's draft is untouched.
	await page.goto(`/en/applications/${number}/steps/applicant`);
	await expect(page.getByLabel('Name of the organisation or sole trader')).toHaveValue('');
	await expect(page.getByRole('link', { name: 'id.pdf' })).toBeVisible();
	const download = await page.request.get(documentPath);
	expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="id\.pdf"/);
	expect(download.headers()['x-content-type-options']).toBe('nosniff');
	expect(download.headers()['content-type']).toBe('application/pdf');
});
