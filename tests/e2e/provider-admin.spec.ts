import { expect, test } from '@playwright/test';
import { totpFor } from '../../src/lib/server/accounts/totp.ts';
import { demoStaff, signInStaff } from './support/applications.ts';
import { checkPage } from './support/checks.ts';
import { messagesTo, uniqueIin } from './support/people.ts';

// The provider admin signs in once per journey; authenticator codes are good once each.
test.describe.configure({ mode: 'default' });

/** The newest link of the invitation emailed to `email`, once it is there. */
async function invitationLinkSentTo(email: string): Promise<string> {
	let link = '';
	await expect
		.poll(() => {
			link = /https?:\/\/\S+staff-invitation\?token=[\w-]+/.exec(messagesTo(email).at(-1) ?? '')?.[0] ?? '';
			return link;
		})
		.not.toBe('');
	return link;
}

test('a provider admin invites a colleague, who sets a password and an authenticator and starts work; the admin gives them services and then deactivates them, which ends their session', async ({ browser }) => {
	// Two people, two sign-ins and a dozen page loads: sized for a busy two-core machine.
	test.setTimeout(240_000);
	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await signInStaff(admin, demoStaff('provider-admin', 'nadloc'));
	await admin.getByRole('navigation', { name: 'Office sections' }).getByRole('link', { name: 'Staff' }).click();
	await expect(admin.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();
	await expect(admin.getByRole('row').filter({ hasText: 'Еділбаева Роза' })).toContainText('Executor');
	await checkPage(admin, 'office-staff-en');

	// Wrong input: every problem in the summary, linked to its field, and what was typed kept.
	await admin.getByLabel('IIN').fill('12345');
	await admin.getByLabel('Email').fill('not an address');
	await admin.getByRole('button', { name: 'Send the invitation' }).click();
	const summary = admin.getByRole('alert');
	await expect(summary).toContainText('IIN: An IIN has 12 digits');
	await expect(summary).toContainText('Last name: Fill in this field');
	await expect(admin.getByLabel('IIN')).toHaveValue('12345');
	await summary.getByRole('link', { name: 'IIN: An IIN has 12 digits' }).click();
	await expect(admin.getByLabel('IIN')).toBeFocused();
	await checkPage(admin, 'office-staff-errors-en');

	const iin = uniqueIin();
	const email = `newcomer-${iin}@example.kz`;
	await admin.getByLabel('Last name').fill('Сейітова');
	await admin.getByLabel('First name').fill('Меруерт');
	await admin.getByLabel('IIN').fill(iin);
	await admin.getByLabel('Email').fill(email);
	await admin.getByRole('radio', { name: 'Executor' }).check();
	await admin.getByRole('button', { name: 'Send the invitation' }).click();
	await expect(admin.getByRole('status')).toContainText('The invitation was sent.');
	const row = admin.getByRole('row').filter({ hasText: 'Сейітова Меруерт' });
	await expect(row).toContainText('Invited, the link works until');

	// The newcomer opens the emailed link in their own browser.
	const newcomerContext = await browser.newContext();
	const newcomer = await newcomerContext.newPage();
	await newcomer.goto((await invitationLinkSentTo(email)).replace(/^https?:\/\/[^/]+/, ''));
	await expect(newcomer).toHaveURL(/\/en\/staff-invitation$/);
	await expect(newcomer.getByText(`You sign in with your IIN: ${iin}`)).toBeVisible();
	await newcomer.getByLabel('Password', { exact: true }).fill('short');
	await newcomer.getByLabel('Repeat password').fill('short');
	await newcomer.getByRole('button', { name: 'Continue' }).click();
	await expect(newcomer.getByRole('alert')).toBeVisible();
	await checkPage(newcomer, 'staff-invitation-en');
	await newcomer.getByLabel('Password', { exact: true }).fill('Kokpar-Zhailau-2026');
	await newcomer.getByLabel('Repeat password').fill('Kokpar-Zhailau-2026');
	await newcomer.getByRole('button', { name: 'Continue' }).click();
	await expect(newcomer.getByRole('heading', { name: 'Authenticator app' })).toBeVisible();
	await expect(newcomer.getByRole('img', { name: 'QR code for the authenticator app' })).toBeVisible();
	await checkPage(newcomer, 'staff-invitation-authenticator-en');
	const secret = (await newcomer.locator('code.secret').textContent())!.replace(/\s/g, '');
	await newcomer.getByLabel('Code from the authenticator').fill('12');
	await newcomer.getByRole('button', { name: 'Confirm and sign in' }).click();
	await expect(newcomer.getByRole('alert')).toContainText('Enter the 6-digit code');
	await newcomer.getByLabel('Code from the authenticator').fill(totpFor(secret, iin).generate());
	await newcomer.getByRole('button', { name: 'Confirm and sign in' }).click();
	await expect(newcomer).toHaveURL(/\/en\/office$/);
	await expect(newcomer.getByText('Сейітова Меруерт · Executor')).toBeVisible();

	// The admin gives the newcomer a service, then switches them off.
	await admin.reload();
	await expect(row).toContainText('Active');
	await row.getByRole('link', { name: 'Сейітова Меруерт' }).click();
	const services = admin.getByRole('group', { name: 'Services this executor works on' });
	await services.getByRole('checkbox').first().check();
	await admin.getByRole('button', { name: 'Save the services' }).click();
	await expect(admin.getByRole('status')).toContainText('The services were saved.');
	await expect(services.getByRole('checkbox').first()).toBeChecked();
	// And the provider's right to sign documents, shown in the list too.
	await admin.getByRole('checkbox', { name: 'Signs result documents for the provider with an EDS' }).check();
	await admin.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(admin.getByRole('status')).toContainText('The right to sign is saved.');
	await expect(admin.getByRole('checkbox', { name: 'Signs result documents for the provider with an EDS' })).toBeChecked();
	await expect(admin.getByText('Executor, signs for the provider')).toBeVisible();
	await checkPage(admin, 'office-staff-member-en');
	await admin.getByRole('link', { name: 'Deactivate' }).click();
	await expect(admin.getByRole('heading', { name: 'Deactivate Сейітова Меруерт?' })).toBeVisible();
	await checkPage(admin, 'office-staff-deactivate-en');
	await admin.getByRole('button', { name: 'Yes, deactivate' }).click();
	await expect(admin.getByRole('status')).toContainText('The person was deactivated');

	// Their session ended at once: the next page sends them to sign in.
	await newcomer.reload();
	await expect(newcomer).toHaveURL(/\/en\/login/);
	// And the invitation cannot be used again.
	await newcomer.goto('/en/staff-invitation');
	await expect(newcomer.getByText('This invitation link is not valid or has expired.')).toBeVisible();

	// The same pages in Kazakh and Russian.
	await admin.goto('/office/staff');
	await expect(admin.getByRole('heading', { name: 'Қызметкерлер', level: 1 })).toBeVisible();
	await expect(admin.getByRole('button', { name: 'Шақыру жіберу' })).toBeVisible();
	await admin.goto('/ru/office/staff');
	await expect(admin.getByRole('heading', { name: 'Сотрудники', level: 1 })).toBeVisible();
	await expect(admin.getByRole('row').filter({ hasText: 'Сейітова Меруерт' })).toContainText('Отключён');
	await checkPage(admin, 'office-staff-ru');
	await adminContext.close();
	await newcomerContext.close();
});

test('only the provider admin reaches the staff pages, and only for their own provider', async ({ browser }) => {
	test.setTimeout(120_000);
	const context = await browser.newContext();
	const supervisor = await context.newPage();
	await signInStaff(supervisor, demoStaff('supervisor', 'damu'));
	await expect(supervisor.getByRole('navigation', { name: 'Office sections' }).getByRole('link', { name: 'Staff' })).toHaveCount(0);
	for (const path of ['/en/office/staff', '/en/office/staff/1', '/en/office/staff/1/deactivate']) {
		expect((await supervisor.goto(path))!.status(), path).toBe(404);
	}
	const posted = await supervisor.request.post('/en/office/staff?/invite', { headers: { origin: process.env.E2E_BASE_URL!, accept: 'text/html' }, form: { lastName: 'A', firstName: 'B', login: uniqueIin(), email: 'x@example.kz', role: 'executor' }, maxRedirects: 0 });
	expect(posted.status(), 'a supervisor cannot invite').toBe(404);
	await context.close();

	const anonymous = await browser.newContext();
	const visitor = await anonymous.newPage();
	await visitor.goto('/en/office/staff');
	await expect(visitor).toHaveURL(/\/en\/login/);
	await anonymous.close();
});
