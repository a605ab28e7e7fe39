import { expect, test } from '@playwright/test';
import { checkPage } from './support/checks.ts';
import { enterCode, signUp, uniqueIin, uniqueMobile } from './support/people.ts';

const PASSWORD = 'жазғы таулар әдемі';

test('settings: the cabinet asks to sign in, then the password is changed with an SMS code and other sessions end', async ({ page, browser }) => {
	const iin = uniqueIin();
	const phone = uniqueMobile();
	await page.goto('/ru/settings');
	await expect(page).toHaveURL(/\/ru\/login\?next=%2Fru%2Fsettings$/);

	const registrationCode = await signUp(page, { firstName: 'Ержан', lastName: 'Омаров', iin, email: 'erzhan@example.kz', phone });
	await page.goto('/ru');

	// A second device signs in too.
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await otherPage.goto('/ru/login');
	await otherPage.getByLabel('ИИН/БИН').fill(iin);
	await otherPage.getByLabel('Пароль').fill(PASSWORD);
	await otherPage.getByRole('button', { name: 'Войти' }).click();
	const otherDeviceCode = await enterCode(otherPage, phone, 'Код из SMS', 'Подтвердить', { previous: registrationCode });
	await expect(otherPage.locator('summary', { hasText: 'Омаров Ержан' })).toBeVisible();

	await page.getByRole('banner').locator('summary').click();
	await page.getByRole('link', { name: 'Настройки' }).click();
	await expect(page.getByLabel('Логин (ИИН/БИН)')).toHaveValue(iin);
	await expect(page.getByText('Это устройство')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Завершить', exact: true })).toHaveCount(1);
	await checkPage(page, 'settings-ru');

	await page.getByLabel('Текущий пароль').fill('not my password');
	await page.getByLabel('Новый пароль').fill('қысқы орман тыныш');
	await page.getByLabel('Повторите пароль').fill('қысқы орман тыныш');
	await page.getByRole('button', { name: 'Сменить пароль' }).click();
	await expect(page.getByRole('alert')).toContainText('Текущий пароль неверен');

	await page.getByLabel('Текущий пароль').fill(PASSWORD);
	await page.getByLabel('Новый пароль').fill('қысқы орман тыныш');
	await page.getByLabel('Повторите пароль').fill('қысқы орман тыныш');
	await page.getByRole('button', { name: 'Сменить пароль' }).click();
	await enterCode(page, phone, 'Код из SMS', 'Подтвердить', { previous: otherDeviceCode });
	await expect(page).toHaveURL(/\/ru\/settings\?changed$/);
	await expect(page.getByRole('status')).toHaveText('Пароль изменён.');

	// The other device was signed out by the change.
	await otherPage.goto('/ru/settings');
	await expect(otherPage).toHaveURL(/\/ru\/login\?next=/);
	await other.close();

	await page.getByRole('banner').locator('summary').click();
	await page.getByRole('link', { name: 'Мои заявки' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Мои заявки' })).toBeVisible();
	await checkPage(page, 'applications-empty-ru');
});
