import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { totpFor } from '../../../src/lib/server/accounts/totp.ts';
import { pdfFile } from './files.ts';
import { journeyDataDir } from './people.ts';

/** The service the office journeys use: the statistical-reporting consultation of the CMER. */
export const OFFICE_SERVICE = 'statistical-reporting-consultation';
export const OFFICE_PROVIDER = 'cmer';

const file = (name: string) => {
	const { buffer, mimeType } = pdfFile(name);
	return { name, mimeType, buffer };
};

/**
 * Orders the statistical-reporting consultation and sends it through the same form posts a browser
 * makes (the applicant journeys walk these pages themselves); returns the application's number.
 * `request` is a signed-in person's request context.
 */
export async function sendStatisticalConsultation(request: APIRequestContext, person: { iin: string; lastName: string; firstName: string; phone: string; email: string }): Promise<string> {
	const base = process.env.E2E_BASE_URL!;
	const headers = { origin: base, accept: 'text/html' };
	const ordered = await request.post(`${base}/en/services/${OFFICE_SERVICE}/order`, { headers, form: {}, maxRedirects: 0 });
	expect(ordered.status(), 'the service is ordered').toBe(303);
	const number = /applications\/([^/]+)\//.exec(ordered.headers().location!)![1]!;
	const step = (key: string) => `${base}/en/applications/${number}/steps/${key}?/save`;
	const save = async (key: string, fields: Record<string, string | ReturnType<typeof file>>) => {
		const saved = await request.post(step(key), { headers, multipart: { intent: 'save', ...fields }, maxRedirects: 0 });
		expect(saved.status(), `step ${key} is saved`).toBe(303);
		expect(saved.headers().location, `step ${key} is complete`).not.toContain('check');
	};
	await save('applicant', {
		organisation_name: `IP ${person.lastName}`,
		iin_bin: person.iin,
		last_name: person.lastName,
		first_name: person.firstName,
		phone: person.phone,
		email: person.email,
		acting_as: 'head',
		'file:identity_document': file('identity.pdf')
	});
	await save('statistical_report', {
		statistics_topic: 'which_forms',
		statistics_question_text: 'Which form do I submit for the first quarter?',
		'file:application_questionnaire': file('questionnaire.pdf'),
		'file:state_registration_certificate': file('certificate.pdf'),
		'file:state_registration_reference': file('reference.pdf')
	});
	await save('consultant_question', {});
	const page = await request.get(`${base}/en/applications/${number}/steps/consultant_question`);
	const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(await page.text())![1]!;
	const sent = await request.post(step('consultant_question'), { headers, multipart: { submissionKey, intent: 'send' }, maxRedirects: 0 });
	expect(sent.headers().location, 'the application is sent').toContain(`/applications/${number}?sent=1`);
	return number;
}

export interface DemoStaff {
	role: string;
	login: string;
	password: string;
	secret: string;
	provider: string;
	name: string;
}

/**
 * The demo staff the journey's server printed, by role and organisation. Each person signs in from
 * one spec file only: files run in parallel workers, and an authenticator code is accepted once.
 */
export function demoStaff(role: string, provider?: string, index = 0): DemoStaff {
	const text = readFileSync(path.join(journeyDataDir(), 'demo-staff.txt'), 'utf8');
	const people = text
		.split('\n')
		.map((line) => /^ {2}(\S+)\s+login (\d{12}) {2}password (\S+) {2}totp-secret (\S+) {2}\((.+?)\)(?: {2}(.+))?$/.exec(line))
		.filter((match) => match !== null)
		.map(([, role, login, password, secret, provider, name]) => ({ role: role!, login: login!, password: password!, secret: secret!, provider: provider!, name: name ?? '' }))
		.filter((person) => person.role === role && (provider === undefined || person.provider === provider));
	return people[index]!;
}

const STEP_MS = 30_000;
/** The last authenticator step each person's code was made for in this worker. */
const lastStep = new Map<string, number>();

/**
 * Signs a staff member in through the English pages: IIN and password, then the authenticator code.
 * A code is accepted once, and the server allows the neighbouring step for clock drift: a second
 * sign-in of the same person within half a minute uses the next step's code, a third waits for it.
 * Staff land in the office (consultants in their own queue: `landing`).
 */
export async function signInStaff(page: Page, person: DemoStaff, landing: RegExp = /\/en\/office$/): Promise<void> {
	await page.goto('/en/login');
	await page.getByLabel('IIN/BIN').fill(person.login);
	await page.getByLabel('Password').fill(person.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	const stepNow = () => Math.floor(Date.now() / STEP_MS);
	const step = Math.max(stepNow(), (lastStep.get(person.login) ?? -1) + 1);
	// A third sign-in within one half minute (a fast machine) waits for the authenticator's next
	// code, as a person would: the server takes the current step and the next one only.
	if (step - stepNow() > 1) await expect.poll(stepNow, { message: "the authenticator's next code", timeout: 45_000 }).toBeGreaterThanOrEqual(step - 1);
	lastStep.set(person.login, step);
	await page.getByLabel('Code from your authenticator app').fill(totpFor(person.secret, person.login).generate({ timestamp: step * STEP_MS + 1000 }));
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page).toHaveURL(landing);
}
