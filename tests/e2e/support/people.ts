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
export async function readCodeSentTo(browser: Browser, phone: string): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	let code = '';
	await expect
		.poll(
			async () => {
				await page.goto('/dev/outbox');
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

export async function enterCode(page: Page, browser: Browser, phone: string, label: string, submit: string) {
	const code = await readCodeSentTo(browser, phone);
	await page.getByLabel(label).fill(code);
	await page.getByRole('button', { name: submit }).click();
}
