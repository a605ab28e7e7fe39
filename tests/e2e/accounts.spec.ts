import { expect, test } from '@playwright/test';
import { checkPage, expectAccessible } from './support/checks.ts';
import { enterCode, messagesTo, readCodeSentTo, signUp, uniqueBin, uniqueIin, uniqueMobile } from './support/people.ts';

const PASSWORD = 'жазғы таулар әдемі';

test('an individual registers in Kazakh, confirms by SMS code, logs out and logs in again', async ({ page }) => {
	const iin = uniqueIin();
	const phone = uniqueMobile();
	await page.goto('/');
	await page.getByRole('link', { name: 'Кіру' }).click();
	await page.getByRole('link', { name: 'Тіркелу' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Тіркеу' })).toBeVisible();
	await checkPage(page, 'register-kk');

	await page.getByLabel('Аты', { exact: true }).fill('Айгерім');
	await page.getByLabel('Тегі').fill('Сәрсенова');
	await page.getByLabel('ЖСН').fill(iin);
	await page.getByRole('textbox', { name: 'Пошта', exact: true }).fill('aigerim@example.kz');
	await page.getByLabel('Телефонның нөмірі').fill(`8 ${phone.slice(2, 5)} ${phone.slice(5)}`);
	await page.getByLabel('Құпия сөз жасау').fill(PASSWORD);
	await page.getByLabel('Құпия сөзді қайталаңыз').fill(PASSWORD);
	await page.getByRole('radio', { name: 'SMS' }).check();
	await page.getByLabel('Дербес деректерімді өңдеуге келісім беремін').check();
	await page.getByRole('button', { name: 'Тіркеу' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Растау коды' })).toBeVisible();
	await checkPage(page, 'register-code-kk');
	const registrationCode = await enterCode(page, phone, 'SMS-тегі код', 'Растау');
	await expect(page).toHaveURL(/\/$/);
	const menu = page.locator('summary', { hasText: 'Сәрсенова Айгерім' });
	await expect(menu).toBeVisible();
	await expectAccessible(page);

	await menu.click();
	await page.getByRole('button', { name: 'Шығу' }).click();
	await expect(page.getByRole('link', { name: 'Кіру' })).toBeVisible();

	await page.getByRole('link', { name: 'Кіру' }).click();
	await page.getByLabel('ЖСН/БСН').fill(iin);
	await page.getByLabel('Құпия сөз').fill(PASSWORD);
	await page.getByRole('button', { name: 'Кіру' }).click();
	await enterCode(page, phone, 'SMS-тегі код', 'Растау', { previous: registrationCode });
	await expect(page.locator('summary', { hasText: 'Сәрсенова Айгерім' })).toBeVisible();
});

test('a legal entity registers in Russian', async ({ page }) => {
	const phone = uniqueMobile();
	await page.goto('/ru/register');
	await page.getByRole('link', { name: 'Юридическое лицо' }).click();
	await expect(page).toHaveURL(/kind=legal_entity/);
	await page.getByLabel('Наименование организации').fill('ТОО «Дала Агро»');
	await page.getByLabel('БИН').fill(uniqueBin());
	await page.getByLabel('Фамилия').fill('Ахметов');
	await page.getByLabel('Имя', { exact: true }).fill('Ерлан');
	await page.getByRole('textbox', { name: 'Электронная почта', exact: true }).fill('info@dala.kz');
	await page.getByLabel('Номер телефона').fill(phone);
	await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Повторите пароль').fill(PASSWORD);
	await page.getByRole('radio', { name: 'Электронная почта' }).check();
	await page.getByLabel('Я даю согласие на обработку моих персональных данных').check();
	await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
	await enterCode(page, phone, 'Код из SMS', 'Подтвердить');
	await expect(page.locator('summary', { hasText: 'ТОО «Дала Агро»' })).toBeVisible();
	await checkPage(page, 'signed-in-home-ru');
});

test('wrong registration input is explained on each field, linked from a summary, and kept', async ({ page }) => {
	await page.goto('/en/register');
	await page.getByLabel('First name').fill('John');
	await page.getByLabel('IIN').fill('871008401428');
	await page.getByLabel('Phone number').fill('+7 7172 27 04 60');
	await page.getByLabel('Password', { exact: true }).fill('password1');
	await page.getByLabel('Repeat password').fill('password2');
	await page.getByRole('button', { name: 'Register' }).click();

	const summary = page.getByRole('alert');
	await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(summary.getByRole('link', { name: 'IIN: This IIN is not valid: check the digits' })).toHaveAttribute('href', '#login');
	await expect(summary.getByRole('link', { name: 'Last name: Fill in this field' })).toHaveAttribute('href', '#lastName');
	// The summary lists the problems in the order of the form.
	await expect(summary.getByRole('link').first()).toHaveText('Last name: Fill in this field');
	await expect(summary).toContainText('This is a landline');
	await expect(summary).toContainText('This password is too common');
	await expect(summary).toContainText('The passwords do not match');
	await expect(summary).toContainText('Choose a notification channel');
	await expect(summary).toContainText('Consent is needed to register');
	await expect(page.getByLabel('First name')).toHaveValue('John');
	await expect(page.getByLabel('IIN')).toHaveValue('871008401428');
	await expect(page.getByLabel('IIN')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
	await checkPage(page, 'register-errors-en');
});

test('registering an IIN that already has an account looks like any registration; the owner is told by SMS', async ({ page }) => {
	const iin = uniqueIin();
	const ownerPhone = uniqueMobile();
	await signUp('account only', { firstName: 'Dana', lastName: 'Serik', iin, email: `dana-${iin}@example.kz`, phone: ownerPhone });

	const otherPhone = uniqueMobile();
	await page.goto('/en/register');
	await page.getByLabel('First name').fill('Dana');
	await page.getByLabel('Last name').fill('Serik');
	await page.getByLabel('IIN').fill(iin);
	await page.getByRole('textbox', { name: 'Email', exact: true }).fill('someone@example.kz');
	await page.getByLabel('Phone number').fill(otherPhone);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Repeat password').fill(PASSWORD);
	await page.getByRole('radio', { name: 'SMS' }).check();
	await page.getByLabel('I consent to the processing of my personal data').check();
	await page.getByRole('button', { name: 'Register' }).click();
	// Nothing tells the visitor that the IIN is taken: the code page, as for a new registration.
	await expect(page).toHaveURL(/\/en\/register\/confirm$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Confirmation code' })).toBeVisible();
	await expect(page.getByText('already registered')).toHaveCount(0);
	// The owner hears of it on their own phone; the typed number gets nothing.
	await expect.poll(() => messagesTo(ownerPhone).some((text) => text.includes('someone tried to register with your IIN/BIN'))).toBe(true);
	expect(messagesTo(otherPhone)).toEqual([]);
	// Any code is a wrong code, answered as on any registration.
	await page.getByLabel('Code from the SMS').fill('123456');
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByRole('alert')).toContainText('Wrong code. Attempts left: 4');
});

test('a wrong password gets a generic message and sends no code; sign-in returns to the page asked for', async ({ page }) => {
	await page.goto('/en/login?next=%2Fen%2Fservices%2Fppp-contract-consultation');
	await page.getByLabel('IIN/BIN').fill(uniqueIin());
	await page.getByLabel('Password').fill('whatever password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('The IIN/BIN or password is wrong');
	await expectAccessible(page);

	// Register, then sign in from a link that asked to come back to a service.
	const iin = uniqueIin();
	const phone = uniqueMobile();
	const registrationCode = await signUp('account only', { firstName: 'Arman', lastName: 'Nurlan', iin, email: 'arman@example.kz', phone });

	await page.goto('/en/services/ppp-contract-consultation');
	await page.getByRole('button', { name: 'Order the service' }).click();
	await expect(page).toHaveURL(/\/en\/login\?next=/);
	await page.getByLabel('IIN/BIN').fill(iin);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByLabel('Stay signed in').check();
	await page.getByRole('button', { name: 'Sign in' }).click();
	const code = await readCodeSentTo(phone, { previous: registrationCode });
	await page.getByLabel('Code from the SMS').fill(code === '000000' ? '111111' : '000000');
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByRole('alert')).toContainText('Wrong code. Attempts left: 4');
	await page.getByLabel('Code from the SMS').fill(code);
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page).toHaveURL(/\/en\/services\/ppp-contract-consultation$/);

	const cookies = await page.context().cookies();
	const session = cookies.find((c) => c.name === 'session');
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
	expect(session!.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);
	const response = await page.request.get('/en/services/ppp-contract-consultation');
	expect(response.headers()['cache-control']).toBe('no-store');
});

test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('registration works', async ({ page }) => {
		const phone = uniqueMobile();
		await page.goto('/ru/register');
		await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
		await expect(page.getByRole('alert')).toContainText('Заполните это поле');
		await page.getByLabel('Имя', { exact: true }).fill('Асель');
		await page.getByLabel('Фамилия').fill('Каримова');
		await page.getByLabel('ИИН').fill(uniqueIin());
		await page.getByRole('textbox', { name: 'Электронная почта', exact: true }).fill('asel@example.kz');
		await page.getByLabel('Номер телефона').fill(phone);
		await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
		await page.getByLabel('Повторите пароль').fill(PASSWORD);
		await page.getByRole('radio', { name: 'SMS' }).check();
		await page.getByLabel('Я даю согласие на обработку моих персональных данных').check();
		await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
		await enterCode(page, phone, 'Код из SMS', 'Подтвердить');
		await expect(page.locator('summary', { hasText: 'Каримова Асель' })).toBeVisible();
	});
});

test('a forgotten password is restored through an emailed link and an SMS code', async ({ page, request }) => {
	const iin = uniqueIin();
	const phone = uniqueMobile();
	const email = `reset-${iin}@example.kz`;
	const registrationCode = await signUp('account only', { firstName: 'Bolat', lastName: 'Tulegen', iin, email, phone, channel: 'Email' });

	await page.goto('/en/login');
	await page.getByRole('link', { name: 'Forgot password?' }).click();
	await page.getByLabel('IIN/BIN').fill(iin);
	await page.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status')).toContainText('If this IIN/BIN is registered');
	await checkPage(page, 'recovery-sent-en');

	// An unknown IIN gets exactly the same answer.
	await page.goto('/en/password-recovery');
	await page.getByLabel('IIN/BIN').fill(uniqueIin());
	await page.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status')).toContainText('If this IIN/BIN is registered');

	let link = '';
	await expect
		.poll(async () => {
			await page.goto('/dev/outbox');
			const text = await page.locator('tbody tr').filter({ hasText: email }).first().innerText().catch(() => '');
			link = /https?:\/\/\S+token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
			return link;
		})
		.not.toBe('');
	const resetPath = new URL(link).pathname + new URL(link).search;
	const resetResponse = await request.get(resetPath, { maxRedirects: 0 });
	expect(resetResponse.status()).toBe(303);
	expect(resetResponse.headers()['referrer-policy']).toBe('no-referrer');
	expect(resetResponse.headers()['location']).toBe('/en/password-recovery/reset');

	await page.goto(resetPath);
	await page.getByLabel('Password', { exact: true }).fill('password1');
	await page.getByLabel('Repeat password').fill('password1');
	await page.getByRole('button', { name: 'Save the password' }).click();
	await expect(page.getByRole('alert')).toContainText('This password is too common');
	const newPassword = 'қысқы орман тыныш';
	await page.getByLabel('Password', { exact: true }).fill(newPassword);
	await page.getByLabel('Repeat password').fill(newPassword);
	await page.getByRole('button', { name: 'Save the password' }).click();
	await enterCode(page, phone, 'Code from the SMS', 'Confirm', { previous: registrationCode });
	await expect(page.locator('summary', { hasText: 'Tulegen Bolat' })).toBeVisible();

	// The link works once only.
	await page.goto(resetPath);
	await expect(page.getByText('This link is not valid or has expired.')).toBeVisible();

	// The old password no longer works; the new one does.
	await page.getByRole('banner').locator('summary').click();
	await page.getByRole('button', { name: 'Log out' }).click();
	await page.goto('/en/login');
	await page.getByLabel('IIN/BIN').fill(iin);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('The IIN/BIN or password is wrong');
	await page.getByLabel('Password').fill(newPassword);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByLabel('Code from the SMS')).toBeVisible();
});
