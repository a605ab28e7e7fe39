import { expect, test } from '@playwright/test';
import { checkPage } from './support/checks.ts';
import { enterCode, signUp, uniqueIin, uniqueMobile } from './support/people.ts';

test('the client card changes names at once, a phone after its SMS code and an email after its link', async ({ page, browser }) => {
	const iin = uniqueIin();
	const phone = uniqueMobile();
	await signUp(page, { firstName: 'Saule', lastName: 'Kenzhe', iin, email: `old-${iin}@example.kz`, phone });
	await page.goto('/en');

	await page.getByRole('banner').locator('summary').click();
	await page.getByRole('link', { name: 'User information' }).click();
	await expect(page.getByLabel('IIN')).toHaveValue(iin);
	await checkPage(page, 'profile-en');

	await page.getByLabel('First name').fill('');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('alert')).toContainText('Fill in this field');
	await expect(page.getByLabel('Last name')).toHaveValue('Kenzhe');

	const newPhone = uniqueMobile();
	const newEmail = `new-${iin}@example.kz`;
	await page.getByLabel('First name').fill('Saule-Ai');
	await page.getByLabel('Phone number').fill(newPhone);
	await page.getByRole('textbox', { name: 'Email', exact: true }).fill(newEmail);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText(`The new number ${newPhone} is saved once you confirm it`)).toBeVisible();
	await expect(page.getByRole('status')).toContainText(newEmail);
	// The page names what the server recorded: an address bar cannot make it name another number.
	await expect(page).toHaveURL(/\/en\/profile\/phone-code$/);
	await page.goto('/en/profile/phone-code?phone=%2B77000000000&email=someone%40evil.example');
	await expect(page.getByText(`The new number ${newPhone} is saved once you confirm it`)).toBeVisible();
	await expect(page.getByText('+77000000000')).toHaveCount(0);
	await expect(page.getByText('someone@evil.example')).toHaveCount(0);
	await enterCode(page, newPhone, 'Code from the SMS', 'Confirm');
	await expect(page).toHaveURL(/\/en\/profile\?saved$/);
	await expect(page.getByLabel('Phone number')).toHaveValue(newPhone);
	await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(`old-${iin}@example.kz`);
	await expect(page.getByRole('banner').locator('summary')).toContainText('Kenzhe Saule-Ai');

	let link = '';
	await expect
		.poll(async () => {
			const outbox = await browser.newPage();
			await outbox.goto('/dev/outbox');
			const text = await outbox.locator('tbody tr').filter({ hasText: newEmail }).first().innerText().catch(() => '');
			await outbox.close();
			link = /https?:\/\/\S+token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
			return link;
		})
		.not.toBe('');
	await page.goto(new URL(link).pathname + new URL(link).search);
	await expect(page).toHaveURL(/\/en\/profile-email$/);
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByRole('status')).toHaveText('Your new email address is confirmed.');
	await page.goto('/en/profile');
	await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(newEmail);
});
