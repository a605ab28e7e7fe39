import { expect, type Browser, type Page } from '@playwright/test';
import { checkDigit } from '../../../src/lib/identity/iin-bin.ts';

/** A valid IIN (or BIN) that no other test uses: the date part is fixed, the serial is random. */
export function uniqueIdentifier(prefix7: string): string {
	for (;;) {
		const serial = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
		const first11 = `${prefix7}${serial}`;
		const digit = checkDigit([...first11].map(Number));
		if (digit !== null) return `${first11}${digit}`;
	}
}

export const uniqueIin = () => uniqueIdentifier('9001154');
export const uniqueBin = () => uniqueIdentifier('1503400');
export const uniqueMobile = () => `+7701${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;

/** Reads the newest code sent to a phone number from the development outbox page. */
/** `origin` names another server than the journeys' own (tests that start their own). */
export async function readCodeSentTo(browser: Browser, phone: string, origin = ''): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	let code = '';
	await expect
		.poll(
			async () => {
				await page.goto(`${origin}/dev/outbox`);
				const row = page.locator('tbody tr').filter({ hasText: phone }).first();
				const text = (await row.count()) > 0 ? await row.locator('td').nth(4).innerText() : '';
				code = /(\d{4,8})/.exec(text)?.[1] ?? '';
				return code;
			},
			{ timeout: 15_000 }
		)
		.not.toBe('');
	await context.close();
	return code;
}

export async function enterCode(page: Page, browser: Browser, phone: string, label: string, submit: string, origin = '') {
	const code = await readCodeSentTo(browser, phone, origin);
	await page.getByLabel(label).fill(code);
	await page.getByRole('button', { name: submit }).click();
}

export const TEST_PASSWORD = 'жазғы таулар әдемі';

/** Registers an individual through the English form and confirms the SMS code; ends signed in. */
export async function registerInEnglish(
	page: Page,
	browser: Browser,
	person: { firstName: string; lastName: string; iin: string; email: string; phone: string; channel?: 'SMS' | 'Email' },
	origin = ''
): Promise<void> {
	await page.goto(`${origin}/en/register`);
	await page.getByLabel('First name').fill(person.firstName);
	await page.getByLabel('Last name').fill(person.lastName);
	await page.getByLabel('IIN').fill(person.iin);
	await page.getByRole('textbox', { name: 'Email', exact: true }).fill(person.email);
	await page.getByLabel('Phone number').fill(person.phone);
	await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
	await page.getByLabel('Repeat password').fill(TEST_PASSWORD);
	await page.getByRole('radio', { name: person.channel ?? 'SMS' }).check();
	await page.getByLabel('I consent to the processing of my personal data').check();
	await page.getByRole('button', { name: 'Register' }).click();
	await enterCode(page, browser, person.phone, 'Code from the SMS', 'Confirm', origin);
}

export async function logOut(page: Page, label = 'Log out'): Promise<void> {
	await page.locator('summary').click();
	await page.getByRole('button', { name: label }).click();
}
