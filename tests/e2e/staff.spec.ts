import { expect, test } from '@playwright/test';
import { totpFor } from '../../src/lib/server/accounts/totp.ts';
import { demoStaff } from './support/applications.ts';
import { expectAccessible } from './support/checks.ts';

test('staff sign in with password and an authenticator code instead of SMS', async ({ page }) => {
	const executor = demoStaff('executor');
	await page.goto('/en/login');
	await page.getByLabel('IIN/BIN').fill(executor.login);
	await page.getByLabel('Password').fill(executor.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByLabel('Code from your authenticator app')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Send the code again' })).toHaveCount(0);
	await expectAccessible(page);

	await page.getByLabel('Code from your authenticator app').fill('000000');
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByRole('alert')).toContainText('Wrong code');

	await page.getByLabel('Code from your authenticator app').fill(totpFor(executor.secret, 'x').generate());
	await page.getByRole('button', { name: 'Confirm' }).click();
	// Staff come to work: they land in the office, their own work first.
	await expect(page).toHaveURL(/\/en\/office$/);
	await expect(page.getByRole('heading', { name: 'My work' })).toBeVisible();
	await expect(page.getByText('Еділбаева Роза · Executor')).toBeVisible();
});
