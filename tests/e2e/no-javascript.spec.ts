import { expect, test } from '@playwright/test';

// Axe needs scripts in the page, so accessibility is checked on the same pages in the other journeys.
test.use({ javaScriptEnabled: false });

test('browsing and searching work with JavaScript off', async ({ page }) => {
	await page.goto('/en/');
	await page.getByRole('link', { name: 'Business assistance', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Business assistance' })).toBeVisible();
	await page.locator('.service-list a').first().click();
	await expect(page.getByRole('button', { name: 'Order the service' })).toBeVisible();

	await page.getByRole('searchbox', { name: 'Search services' }).fill('PPP');
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(page).toHaveURL(/\/en\/search\?q=PPP/);
	await expect(page.getByRole('status')).toContainText('services found');

	await page.getByRole('link', { name: 'Русский' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
	await expect(page.getByRole('status')).toContainText('Найден');
});
