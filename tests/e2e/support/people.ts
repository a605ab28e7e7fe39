import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, request, type Page } from '@playwright/test';
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

/** Where the journeys' server writes what it "sends": the development outbox file. */
export const journeyDataDir = () => process.env.E2E_DATA_DIR ?? './test-results/e2e-data';

/** The texts sent to `to` (a phone or an address) by the server writing to `dataDir`, oldest first. */
export function messagesTo(to: string, dataDir = journeyDataDir()): string[] {
	let lines: string[];
	try {
		lines = readFileSync(path.join(dataDir, 'outbox.jsonl'), 'utf8').split('\n');
	} catch {
		return [];
	}
	// The server appends one line per message; the last one may still be half written when read.
	return lines
		.slice(0, -1)
		.map((line) => JSON.parse(line) as { to: string; text: string })
		.filter((entry) => entry.to === to)
		.map((entry) => entry.text);
}

/** The code in the newest message sent to `phone`, or ''. */
function newestCodeIn(dataDir: string, phone: string): string {
	const newest = messagesTo(phone, dataDir).at(-1);
	return newest ? (/(\d{4,8})/.exec(newest)?.[1] ?? '') : '';
}

/**
 * Waits for a new code sent to a phone number, read from the outbox file of the server (the
 * journeys' own unless `dataDir` names another). `previous` is a code already used, so a resend
 * or the next sign-in is not confused with it.
 */
export async function readCodeSentTo(phone: string, options: { dataDir?: string; previous?: string } = {}): Promise<string> {
	const dataDir = options.dataDir ?? journeyDataDir();
	let code = '';
	await expect.poll(() => (code = newestCodeIn(dataDir, phone)), { timeout: 20_000, message: `a code sent to ${phone}` }).not.toBe(options.previous ?? '');
	expect(code).not.toBe('');
	return code;
}

export async function enterCode(page: Page, phone: string, label: string, submit: string, options: { dataDir?: string; previous?: string } = {}) {
	const code = await readCodeSentTo(phone, options);
	await page.getByLabel(label).fill(code);
	await page.getByRole('button', { name: submit }).click();
	return code;
}

export const TEST_PASSWORD = 'жазғы таулар әдемі';

export interface Person {
	firstName: string;
	lastName: string;
	iin: string;
	email: string;
	phone: string;
	channel?: 'SMS' | 'Email';
}

/** Registers an individual through the English form and confirms the SMS code; ends signed in. */
export async function registerInEnglish(page: Page, person: Person, options: { origin?: string; dataDir?: string } = {}): Promise<void> {
	await page.goto(`${options.origin ?? ''}/en/register`);
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
	await enterCode(page, person.phone, 'Code from the SMS', 'Confirm', { dataDir: options.dataDir });
}

/**
 * Registers an account through the same forms a browser posts, without rendering them. Given a
 * page, its browser context ends signed in; given 'account only', nobody is signed in. For journeys
 * about something after signing in: registration itself is walked through the pages in the accounts
 * journeys. Returns the code used, so a later code to the same phone can be told from it.
 */
export async function signUp(
	target: Page | 'account only',
	person: Person & { kind?: 'individual' | 'legal_entity'; organisationName?: string },
	options: { origin?: string; dataDir?: string } = {}
): Promise<string> {
	const base = options.origin ?? process.env.E2E_BASE_URL!;
	const client = target === 'account only' ? await request.newContext() : target.request;
	const headers = { origin: base, accept: 'text/html' };
	try {
		const registered = await client.post(`${base}/en/register`, {
			headers,
			maxRedirects: 0,
			form: {
				kind: person.kind ?? 'individual',
				organisationName: person.organisationName ?? '',
				firstName: person.firstName,
				lastName: person.lastName,
				login: person.iin,
				email: person.email,
				phone: person.phone,
				password: TEST_PASSWORD,
				passwordRepeat: TEST_PASSWORD,
				channel: (person.channel ?? 'SMS').toLowerCase(),
				consent: 'yes'
			}
		});
		expect(registered.status(), 'registration is accepted').toBe(303);
		const code = await readCodeSentTo(person.phone, { dataDir: options.dataDir });
		const confirmed = await client.post(`${base}/en/register/confirm?/verify`, { headers, maxRedirects: 0, form: { code } });
		expect(confirmed.status(), 'the code is accepted').toBe(303);
		return code;
	} finally {
		if (target === 'account only') await client.dispose();
	}
}

export async function logOut(page: Page, label = 'Log out'): Promise<void> {
	await page.getByRole('banner').locator('summary').click();
	await page.getByRole('button', { name: label }).click();
}
