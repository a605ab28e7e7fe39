import { expect, test } from '@playwright/test';
import { checkPage } from './support/checks.ts';
import { enterCode, uniqueIin, uniqueMobile } from './support/people.ts';

const PASSWORD = 'жазғы таулар әдемі';

test('settings: the cabinet asks to sign in, then the password is changed with an SMS code and other sessions end', async ({ page, browser }) => {
	const iin = uniqueIin();
	const phone = uniqueMobile();
	await page.goto('/ru/settings');
	await expect(page).toHaveURL(/\/ru\/login\?next=%2Fru%2Fsettings$/);

	await page.goto('/ru/register');
	await page.getByLabel('Имя', { exact: true }).fill('Ержан');
	await page.getByLabel('Фамилия').fill('Омаров');
	await page.getByLabel('ИИН').fill(iin);
	await page.getByRole('textbox', { name: 'Электронная почта', exact: true }).fill('erzhan@example.kz');
	await page.getByLabel('Номер телефона').fill(phone);
	await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Повторите пароль').fill(PASSWORD);
	await page.getByRole('radio', { name: 'SMS' }).check();
	await page.getByLabel('Я даю согласие на обработку моих персональных данных').check();
	await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
	await enterCode(page, browser, phone, 'Код из SMS', 'Подтвердить');

	// A second device signs in too.
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await otherPage.goto('/ru/login');
	await otherPage.getByLabel('ИИН/БИН').fill(iin);
	await otherPage.getByLabel('Пароль').fill(PASSWORD);
	await otherPage.getByRole('button', { name: 'Войти' }).click();
	await enterCode(otherPage, browser, phone, 'Код из SMS', 'Подтвердить');
	await expect(otherPage.locator('summary', { hasText: 'Омаров Ержан' })).toBeVisible();

	await page.locator('summary').click();
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
	await enterCode(page, browser, phone, 'Код из SMS', 'Подтвердить');
	await expect(page).toHaveURL(/\/ru\/settings\?changed$/);
	await expect(page.getByRole('status')).toHaveText('Пароль изменён.');

	// The other device was signed out by the change.
	await otherPage.goto('/ru/settings');
	await expect(otherPage).toHaveURL(/\/ru\/login\?next=/);
	await other.close();

	await page.locator('summary').click();
	await page.getByRole('link', { name: 'Мои заявки' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Мои заявки' })).toBeVisible();
	await checkPage(page, 'applications-empty-ru');
});
