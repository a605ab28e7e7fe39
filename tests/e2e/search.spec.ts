import { expect, test } from '@playwright/test';
import { checkPage } from './support/checks.ts';

test('searching МҚӘ from the header finds the PPP consultation', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('searchbox', { name: 'Қызметтер бойынша іздеу' }).fill('МҚӘ');
	await page.getByRole('button', { name: 'Іздеу' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('«МҚӘ» сұранысы бойынша іздеу нәтижелері');
	await expect(page.getByRole('status')).toHaveText(/^\d+ қызмет табылды$/);
	await expect(page.getByRole('status')).toHaveText('2 қызмет табылды');
	await expect(page.locator('.service-list')).toContainText('МҚӘ шартын дайындау');
	await expect(page.locator('.service-list')).toContainText('Түйіндеме жіберу');
	await checkPage(page, 'search-kk');
});

test('ГЧП and PPP find the same consultation, and Kazakh typed without Kazakh letters works', async ({ page }) => {
	for (const [path, text] of [
		['/ru/search?q=ГЧП', 'Найден'],
		['/en/search?q=ppp', 'services found'],
		['/search?q=мка', 'қызмет табылды'],
		['/search?q=субсидия', 'қызмет табылды']
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('status')).toContainText(text);
		await expect(page.locator('.service-list li').first()).toBeVisible();
	}
	await page.goto('/ru/search?q=ГЧП');
	await expect(page.locator('.service-list a').first()).toHaveAttribute('href', '/ru/services/ppp-contract-consultation');
	await checkPage(page, 'search-ru');
});

test('an empty query, a query with nothing found and a 500-character query get sensible pages', async ({ page }) => {
	let response = await page.goto('/en/search?q=');
	expect(response?.status()).toBe(200);
	await expect(page.getByText('Enter a service name or a keyword to search.')).toBeVisible();

	response = await page.goto('/en/search?q=zzzqqqxxx');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('status')).toHaveText('0 services found');

	response = await page.goto(`/en/search?q=${encodeURIComponent('subsidy '.repeat(63).slice(0, 500))}`);
	expect(response?.status()).toBe(200);
	await expect(page.getByText('The query is too long: only its beginning was used.')).toBeVisible();
	await checkPage(page, 'search-long-en');
});
