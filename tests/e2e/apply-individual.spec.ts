import { expect, test } from '@playwright/test';
import { checkPage, saveScreens } from './support/checks.ts';
import { disguisedHtml, oversizePdf, pdfFile, pngFile } from './support/files.ts';
import { signUp, uniqueIin, uniqueMobile } from './support/people.ts';

const MB20 = 20 * 1024 * 1024;

test('an individual applies for the statistical-reporting consultation with documents and follows it in My applications', async ({ page }) => {
	test.setTimeout(180_000);
	const iin = uniqueIin();
	const phone = uniqueMobile();
	await signUp(page, { firstName: 'Dana', lastName: 'Sadykova', iin, email: `dana-${iin}@example.kz`, phone });

	await page.goto('/en/services/statistical-reporting-consultation');
	await page.getByRole('button', { name: 'Order the service' }).click();
	await expect(page).toHaveURL(/\/en\/applications\/\d+-\d{2}-\d{2}-\d{2}\/steps\/applicant$/);
	const number = /applications\/([^/]+)\//.exec(page.url())![1]!;
	await expect(page.getByText(`Application No. ${number}`).first()).toBeVisible();
	// The client card is filled in, and the header names the applicant.
	await expect(page.getByLabel('IIN / BIN')).toHaveValue(iin);
	await expect(page.getByLabel('Last name')).toHaveValue('Sadykova');
	await expect(page.getByLabel('Mobile phone')).toHaveValue(phone);
	await expect(page.getByRole('cell', { name: iin })).toBeVisible();
	await expect(page.getByRole('link', { name: /Applicant details/ })).toHaveAttribute('aria-current', 'step');
	await checkPage(page, 'application-step-en');
	await page.goto(`/applications/${number}/steps/applicant`);
	await expect(page.getByLabel('Ұйымның немесе жеке кәсіпкердің атауы')).toBeVisible();
	await checkPage(page, 'application-step-kk');
	await page.goto(`/en/applications/${number}/steps/applicant`);

	// Save with required fields missing: the modal, red fields, an error summary; what was typed stays.
	await page.getByLabel('Position').fill('Director');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	const incomplete = page.getByRole('dialog', { name: 'Fill in the required fields' });
	await expect(incomplete).toBeVisible();
	await checkPage(page, 'application-step-incomplete-en');
	await incomplete.getByRole('button', { name: 'OK' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Name of the organisation or sole trader: Fill in this field');
	await expect(page.getByLabel('Name of the organisation or sole trader')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Position')).toHaveValue('Director');
	await expect(page.getByRole('link', { name: /Applicant details \(not complete\)/ })).toBeVisible();

	await expect(page.getByText('A file uploads as soon as you choose it.').first()).toBeVisible();
	// Files: a disguised web page and an oversize PDF are refused with a reason; a real scan is kept.
	const identity = page.getByLabel(/Choose a file: Identity document/);
	await identity.setInputFiles(disguisedHtml());
	await expect(page.getByText('This type of file is not accepted').first()).toBeVisible();
	await identity.setInputFiles(oversizePdf(MB20));
	await expect(page.getByText('The file is too large').first()).toBeVisible();
	// Typed but not yet saved: an upload refreshes the page's data and must not wipe it.
	await page.getByLabel('Name of the organisation or sole trader').fill('IP Sadykova');
	await identity.setInputFiles(pngFile('passport-scan.png'));
	await expect(page.getByRole('link', { name: 'passport-scan.png' })).toBeVisible();
	await expect(page.getByLabel('Name of the organisation or sole trader')).toHaveValue('IP Sadykova');

	await page.getByRole('radio', { name: /head/i }).first().check();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	const saved = page.getByRole('dialog', { name: 'Saved' });
	await expect(saved).toBeVisible();
	await saved.getByRole('button', { name: 'OK' }).click();
	await expect(page.getByRole('link', { name: /Applicant details \(complete\)/ })).toBeVisible();

	// Sending now is refused with the steps still to do.
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.locator('#send-problems')).toContainText('Statistical reporting');

	await page.getByRole('link', { name: /Statistical reporting/ }).first().click();
	await page.getByLabel('What you need help with').selectOption({ index: 1 });
	await page.getByLabel('Your question').fill('Which form do I submit for the first quarter?');
	await page.getByLabel(/Choose a file: Application form/).setInputFiles(pdfFile('application.pdf'));
	await expect(page.getByRole('link', { name: 'application.pdf' })).toBeVisible();
	await page.getByLabel(/Choose a file: State registration certificate/).setInputFiles(pdfFile('certificate.pdf'));
	await expect(page.getByRole('link', { name: 'certificate.pdf' })).toBeVisible();
	// A slower connection shows the upload's progress bar while the file travels.
	const network = await page.context().newCDPSession(page);
	await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
	await page.getByLabel(/Choose a file: State registration reference/).setInputFiles(oversizePdf(3 * 1024 * 1024, 'reference.pdf'));
	await expect(page.getByRole('progressbar', { name: /Uploading/ })).toBeVisible();
	await saveScreens(page, 'application-upload-progress-en');
	// 3 MB at 1 MB/s, then hashed, typed and stored by a server that may be sharing its cores.
	await expect(page.getByRole('link', { name: 'reference.pdf' })).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('progressbar')).toHaveCount(0);
	await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page.getByRole('dialog', { name: 'Saved' }).getByRole('button', { name: 'OK' }).click();

	await page.getByRole('link', { name: /Ask the consultant a question/ }).first().click();
	// The step changes in place: wait for it, or Save would post the previous step again.
	await expect(page).toHaveURL(/\/steps\/consultant_question$/);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page.getByRole('dialog', { name: 'Saved' }).getByRole('button', { name: 'OK' }).click();

	// Twenty sends of the same draft at once (a double click, a retry, another tab): one submission.
	const submissionKey = await page.locator('input[name="submissionKey"]').inputValue();
	const origin = new URL(page.url()).origin;
	const stepUrl = page.url().split('?')[0]!;
	const parallel = Array.from({ length: 19 }, () =>
		page.request.post(`${stepUrl}?/save`, { multipart: { submissionKey, intent: 'send' }, headers: { origin, accept: 'text/html' }, maxRedirects: 0 })
	);
	const [responses] = await Promise.all([Promise.all(parallel), page.getByRole('button', { name: 'Send' }).click()]);
	for (const response of responses) {
		expect(response.status()).toBe(303);
		expect(response.headers().location).toContain(`/applications/${number}?sent=1`);
	}
	const sent = page.getByRole('dialog', { name: 'Application sent' });
	await expect(sent).toContainText(number);
	await checkPage(page, 'application-sent-en');
	await sent.getByRole('button', { name: 'OK' }).click();
	// Read-only now: answers and documents shown, the timeline and the system message.
	await expect(page.getByText('IP Sadykova')).toBeVisible();
	await expect(page.getByRole('link', { name: 'passport-scan.png' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Status history' })).toContainText('Assigning an executor');
	await expect(page.getByRole('region', { name: 'Messages' }).getByRole('listitem')).toHaveCount(1);
	await expect(page.getByRole('region', { name: 'Messages' })).toContainText(`Application No. ${number} was sent`);
	await expect(page.getByRole('region', { name: 'Status history' }).getByRole('listitem')).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);

	// A document downloads as an attachment with its name.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'passport-scan.png' }).click();
	expect((await download).suggestedFilename()).toBe('passport-scan.png');

	await page.goto('/en/applications');
	const row = page.getByRole('row').filter({ hasText: number });
	await expect(row).toContainText(/statistical/i);
	await expect(row).toContainText('Assigning an executor');
	await expect(row).toContainText(/\d+ days?/);
	await checkPage(page, 'my-applications-en');

	// The same list in Kazakh and Russian.
	await page.goto('/applications');
	await expect(page.getByRole('row').filter({ hasText: number })).toContainText('Орындаушы анықталуда');
	await page.goto('/ru/applications');
	await expect(page.getByRole('row').filter({ hasText: number })).toContainText('Определяется исполнитель');

	// Withdrawn before any decision, after a confirmation on its own page; «No» changes nothing.
	await page.goto(`/ru/applications/${number}`);
	await page.getByRole('link', { name: 'Отозвать' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Отозвать заявку № ${number}?`);
	await page.getByRole('link', { name: 'Нет, оставить' }).click();
	await expect(page.getByRole('region', { name: 'История статусов' })).not.toContainText('Отозвана');
	await page.goto(`/en/applications/${number}`);
	await page.getByRole('link', { name: 'Withdraw' }).click();
	await expect(page).toHaveURL(new RegExp(`/en/applications/${number}/withdraw$`));
	await checkPage(page, 'application-withdraw-en');
	await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
	await expect(page).toHaveURL(new RegExp(`/en/applications/${number}$`));
	await expect(page.getByRole('region', { name: 'Status history' })).toContainText('Withdrawn');
	await expect(page.getByRole('link', { name: 'Withdraw' })).toHaveCount(0);
	// The confirmation page of a withdrawn application leads back to it.
	await page.goto(`/en/applications/${number}/withdraw`);
	await expect(page).toHaveURL(new RegExp(`/en/applications/${number}$`));
});

test('leaving a step with unsaved input asks first; a session about to time out warns', async ({ page }) => {
	await page.clock.install();
	const iin = uniqueIin();
	await signUp(page, { firstName: 'Aruzhan', lastName: 'Bek', iin, email: `ab-${iin}@example.kz`, phone: uniqueMobile() });
	await page.goto('/en/services/statistical-reporting-consultation');
	await page.getByRole('button', { name: 'Order the service' }).click();
	await expect(page.getByText('A file uploads as soon as you choose it.').first()).toBeVisible();
	await page.getByLabel('Position').fill('Accountant');
	const questions: string[] = [];
	page.once('dialog', (dialog) => {
		questions.push(dialog.message());
		void dialog.dismiss();
	});
	await page.getByRole('link', { name: /Statistical reporting/ }).first().click();
	await expect.poll(() => questions).toEqual(['This step has changes that are not saved. Leave without saving?']);
	await expect(page).toHaveURL(/\/steps\/applicant$/);
	await expect(page.getByLabel('Position')).toHaveValue('Accountant');

	// Two minutes before the 30-minute idle limit, a warning offers to stay signed in or save.
	await page.clock.fastForward('28:30');
	const warning = page.getByRole('dialog', { name: 'You will be signed out soon' });
	await expect(warning).toBeVisible();
	await checkPage(page, 'session-timeout-en');
	const keptAlive = page.waitForResponse((response) => response.url().endsWith('/session/keep-alive'));
	await warning.getByRole('button', { name: 'Stay signed in' }).click();
	// The session is touched by a POST of its own, which answers with the idle allowance.
	const keepAlive = await keptAlive;
	expect(keepAlive.request().method()).toBe('POST');
	expect(keepAlive.status()).toBe(200);
	await expect(warning).toBeHidden();
	await expect(page.getByLabel('Position')).toHaveValue('Accountant');

	// Saved, it goes without asking.
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
	await page.getByRole('link', { name: /Statistical reporting/ }).first().click();
	await expect(page).toHaveURL(/\/steps\/statistical_report$/);
});
