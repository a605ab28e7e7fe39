import { expect, test, type Browser } from '@playwright/test';
import { demoStaff, OFFICE_PROVIDER, sendStatisticalConsultation, signInStaff } from './support/applications.ts';
import { checkPage } from './support/checks.ts';
import { disguisedHtml, pdfFile } from './support/files.ts';
import { messagesTo, signUp, uniqueIin, uniqueMobile } from './support/people.ts';

// One worker runs this file's journeys in order: they sign in the same staff, whose authenticator
// codes are good once each.
test.describe.configure({ mode: 'default' });

async function applicant(browser: Browser, firstName: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const iin = uniqueIin();
	const person = { firstName, lastName: 'Qasymova', iin, email: `${firstName.toLowerCase()}-${iin}@example.kz`, phone: uniqueMobile() };
	await signUp(page, person);
	const number = await sendStatisticalConsultation(page.request, person);
	return { context, page, person, number };
}

test('a supervisor gives sent applications to an executor, who finds them in their work and takes one into work, talks with the applicant, returns it for correction, gets it back corrected, answers with a generated PDF, completes it and is rated', async ({ browser }) => {
	// Five people's sessions and a dozen page loads: sized for a busy two-core machine.
	test.setTimeout(360_000);
	const first = await applicant(browser, 'Aigerim');
	const second = await applicant(browser, 'Bota');

	const supervisorContext = await browser.newContext();
	const supervisor = await supervisorContext.newPage();
	await signInStaff(supervisor, demoStaff('supervisor', OFFICE_PROVIDER));
	await expect(supervisor.getByRole('heading', { name: "The organisation's applications" })).toBeVisible();
	const row = (number: string) => supervisor.getByRole('row').filter({ hasText: number });
	await expect(row(first.number)).toContainText('not assigned');
	await expect(row(first.number)).toContainText('Assigning an executor');
	await expect(row(first.number)).toContainText(first.person.iin);
	await checkPage(supervisor, 'office-queue-en');

	// The search box finds an application by its number, the applicant's IIN or name.
	await supervisor.getByLabel('Number, IIN/BIN or applicant').fill(second.person.iin);
	await supervisor.getByRole('button', { name: 'Show' }).click();
	await expect(supervisor.getByText('Found: 1')).toBeVisible();
	await expect(row(second.number)).toBeVisible();
	await supervisor.getByRole('link', { name: 'Clear the filter' }).click();

	// Assigning without choosing an executor: a clear message, and the ticks stay.
	await supervisor.getByLabel(`Select application ${first.number}`).check();
	await supervisor.getByLabel(`Select application ${second.number}`).check();
	await supervisor.getByRole('button', { name: 'Assign' }).click();
	await expect(supervisor.getByRole('alert')).toContainText('Choose an executor from the list.');
	await expect(supervisor.getByLabel(`Select application ${first.number}`)).toBeChecked();
	await checkPage(supervisor, 'office-assign-error-en');

	const executor = demoStaff('executor', OFFICE_PROVIDER, 0);
	const executorShort = executor.name.split(' ').slice(0, 2).join(' ');
	const choice = supervisor.locator('#assign-executor');
	const value = await choice.locator('option', { hasText: executorShort }).getAttribute('value');
	await choice.selectOption(value!);
	await supervisor.getByRole('button', { name: 'Assign' }).click();
	await expect(supervisor.getByRole('status')).toContainText('Applications assigned: 2.');
	await expect(row(first.number)).toContainText(executorShort);
	await expect(row(second.number)).toContainText(executorShort);

	// The office in Russian and Kazakh.
	await supervisor.goto('/ru/office');
	await expect(supervisor.getByRole('heading', { name: 'Заявки организации' })).toBeVisible();
	await checkPage(supervisor, 'office-queue-ru');
	await supervisor.goto('/office');
	await expect(supervisor.getByRole('heading', { name: 'Ұйымның өтінімдері' })).toBeVisible();
	await checkPage(supervisor, 'office-queue-kk');

	// The executor finds both in their own work and takes the first into work.
	const executorContext = await browser.newContext();
	const work = await executorContext.newPage();
	await signInStaff(work, executor);
	await expect(work.getByRole('heading', { name: 'My work' })).toBeVisible();
	await expect(work.getByRole('row').filter({ hasText: first.number })).toBeVisible();
	await expect(work.getByRole('row').filter({ hasText: second.number })).toBeVisible();
	await work.getByRole('link', { name: first.number }).click();
	await expect(work.getByText(`IP ${first.person.lastName}`).first()).toBeVisible();
	const document = work.getByRole('link', { name: 'identity.pdf' });
	const download = await work.request.get((await document.getAttribute('href'))!);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toContain('identity.pdf');
	await checkPage(work, 'office-application-en');
	await work.getByRole('button', { name: 'Take into work' }).click();
	await expect(work.getByText('In progress').first()).toBeVisible();
	await expect(work.getByRole('button', { name: 'Take into work' })).toHaveCount(0);
	await expect(work.getByRole('button', { name: 'Complete' })).toBeVisible();

	// The applicant's page tells who works on it and that it is in progress.
	await first.page.goto(`/en/applications/${first.number}`);
	await expect(first.page.getByText(`Executor ${executorShort} was assigned to application No. ${first.number}.`)).toBeVisible();
	await expect(first.page.getByText(`Application No. ${first.number} is now in progress.`)).toBeVisible();

	// The chat: the executor asks, with a note for colleagues beside it; the applicant sees the question only, and answers.
	await work.getByRole('button', { name: 'Send the message' }).click();
	await expect(work.getByRole('alert')).toContainText('Fill in this field');
	await work.getByLabel('Type a message').fill('Checked against the register.');
	await work.getByLabel('A note for staff only (the applicant will not see it)').check();
	await work.getByRole('button', { name: 'Send the message' }).click();
	await work.getByLabel('Type a message').fill('Which quarter is the report for?');
	await work.getByRole('button', { name: 'Send the message' }).click();
	await expect(work.getByText('staff note, not shown to the applicant')).toBeVisible();
	// The applicant's page, open all along, shows the question without being reloaded; never the note.
	await expect(first.page.getByText('Which quarter is the report for?')).toBeVisible();
	await expect(first.page.getByText('Checked against the register.')).toHaveCount(0);
	// A file that is not what its name says is refused, and what was typed stays.
	await first.page.getByLabel('Type a message').fill('The first quarter of 2026. The form is at https://stat.gov.kz/en/forms.');
	await first.page.getByLabel('Attach a file').setInputFiles(disguisedHtml('draft.pdf'));
	await first.page.getByRole('button', { name: 'Send the message' }).click();
	await expect(first.page.getByRole('alert')).toContainText('This type of file is not accepted');
	await expect(first.page.getByLabel('Type a message')).toHaveValue('The first quarter of 2026. The form is at https://stat.gov.kz/en/forms.');
	await first.page.getByLabel('Attach a file').setInputFiles(pdfFile('report-draft.pdf'));
	await first.page.getByRole('button', { name: 'Send the message' }).click();
	await expect(first.page.getByText('The first quarter of 2026.')).toBeVisible();
	// The address in the text is a link; the file is one too.
	await expect(first.page.getByRole('link', { name: 'https://stat.gov.kz/en/forms' })).toHaveAttribute('href', 'https://stat.gov.kz/en/forms');
	await expect(first.page.getByRole('link', { name: 'report-draft.pdf' })).toBeVisible();
	// And the executor's page shows the answer the same way, with its link and its file.
	await expect(work.getByText('The first quarter of 2026.')).toBeVisible();
	await expect(work.getByRole('link', { name: 'https://stat.gov.kz/en/forms' })).toHaveAttribute('rel', /noopener/);
	const attachment = work.getByRole('link', { name: 'report-draft.pdf' });
	await expect(attachment).toBeVisible();
	const downloaded = await work.request.get((await attachment.getAttribute('href'))!);
	expect(downloaded.status(), 'the executor downloads the file').toBe(200);
	expect((await downloaded.body()).subarray(0, 5).toString()).toBe('%PDF-');
	// Seen on the open page, the answer counts as read: the queue has nothing new on it.
	const queueRow = work.getByRole('row').filter({ hasText: first.number });
	await expect(async () => {
		await work.goto('/en/office');
		await expect(queueRow).not.toContainText('New message', { timeout: 1_000 });
	}).toPass();
	// A message that comes while the executor is elsewhere is new until its page is opened.
	await first.page.getByLabel('Type a message').fill('Thank you in advance.');
	await first.page.getByRole('button', { name: 'Send the message' }).click();
	await expect(first.page.getByText('Thank you in advance.')).toBeVisible();
	await work.reload();
	await expect(queueRow).toContainText('New message');
	await work.getByRole('link', { name: first.number }).click();
	await expect(work.getByText('Thank you in advance.')).toBeVisible();

	// Returned for correction: nothing chosen is refused with both problems named; then one step and what to fix.
	await work.getByRole('button', { name: 'Return for correction' }).click();
	await expect(work.getByRole('alert')).toContainText('Choose at least one step for the applicant to fix.');
	await expect(work.getByRole('alert')).toContainText('Fill in this field');
	await work.getByRole('checkbox', { name: 'Statistical reporting' }).check();
	await work.getByLabel('What to fix (the applicant will read it)').fill('Name the report form code, please.');
	await work.getByRole('button', { name: 'Return for correction' }).click();
	await expect(work.getByText('Returned for correction').first()).toBeVisible();
	await expect(work.getByRole('button', { name: 'Return for correction' })).toHaveCount(0);

	await first.page.goto(`/en/applications/${first.number}`);
	const correction = first.page.getByRole('region', { name: 'The application needs correcting' });
	await expect(correction).toContainText('What to fix: Name the report form code, please.');
	await checkPage(first.page, 'application-returned-en');
	await correction.getByRole('link', { name: 'Statistical reporting' }).click();
	await expect(first.page).toHaveURL(/\/steps\/statistical_report$/);
	// Only the flagged step opens for editing; the others stay as sent.
	expect((await first.page.request.get(`/en/applications/${first.number}/steps/applicant`, { maxRedirects: 0 })).status()).toBe(303);
	await first.page.getByLabel('Statistical form code').fill('1-P');
	await first.page.getByRole('button', { name: 'Send' }).click();
	await expect(first.page.getByRole('dialog', { name: 'Application sent' })).toBeVisible();
	await work.reload();
	await expect(work.getByText('In progress').first()).toBeVisible();
	await expect(work.getByText('1-P')).toBeVisible();

	// The answer: a PDF made from the application and the executor's text; then the application is completed.
	await work.getByRole('button', { name: 'Issue the document' }).click();
	await expect(work.getByRole('alert')).toContainText('Fill in this field');
	await work.getByLabel('Text of the document').fill('For the first quarter, submit form 1-P by 25 April.\n\nҚосымша сұрақтар болса, хабарласыңыз.');
	await work.getByRole('button', { name: 'Issue the document' }).click();
	const issued = work.getByRole('link', { name: `consultation-answer-${first.number}.pdf` });
	await expect(issued).toBeVisible();
	await checkPage(work, 'office-application-issued-en');
	await work.getByRole('button', { name: 'Complete' }).click();
	await expect(work.getByText('Completed').first()).toBeVisible();

	await first.page.goto(`/en/applications/${first.number}`);
	const result = first.page.getByRole('link', { name: `consultation-answer-${first.number}.pdf` });
	await expect(result).toBeVisible();
	const pdf = await first.page.request.get((await result.getAttribute('href'))!);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// The supervisor gives the service a survey question of its own, in the three languages (one missing is named).
	await supervisor.goto('/en/office/services');
	await supervisor.getByRole('link', { name: 'Survey questions: Consultation on submitting electronic statistical reports' }).click();
	await expect(supervisor.getByRole('heading', { name: 'Quality survey questions' })).toBeVisible();
	const ownQuestion = supervisor.getByRole('group', { name: 'Question 1' });
	await ownQuestion.getByLabel('Kazakh').fill('Құжаттар тізімі түсінікті болды ма?');
	await ownQuestion.getByLabel('Russian').fill('Понятен ли был список документов?');
	await supervisor.getByRole('button', { name: 'Save the questions' }).click();
	await expect(supervisor.getByRole('alert')).toContainText('Question 1, English: Fill in this field');
	await expect(ownQuestion.getByLabel('Russian')).toHaveValue('Понятен ли был список документов?');
	await ownQuestion.getByLabel('English').fill('Was the list of documents clear?');
	await supervisor.getByRole('button', { name: 'Save the questions' }).click();
	await expect(supervisor.getByRole('status')).toContainText('The questions were saved.');
	await checkPage(supervisor, 'office-survey-en');

	// The quality survey, once, with the service's own question after the overall one: a missing score
	// is named; then the thanks, and the passport keeps the figures to itself until five people have
	// rated the service.
	await first.page.reload();
	await expect(first.page.getByRole('group', { name: 'Was the list of documents clear?' })).toBeVisible();
	await expect(first.page.getByRole('group', { name: 'Was the application handled on time?' })).toHaveCount(0);
	await first.page.getByRole('radio', { name: '5 — excellent' }).first().check();
	await first.page.getByRole('button', { name: 'Send the rating' }).click();
	await expect(first.page.getByRole('alert')).toContainText('Was the list of documents clear? Choose a score from 1 to 5.');
	await checkPage(first.page, 'application-survey-error-en');
	for (const group of await first.page.getByRole('group').filter({ hasText: '5 — excellent' }).all()) await group.getByRole('radio', { name: '4 — good' }).check();
	await first.page.getByLabel('Comment (optional)').fill('Clear answer, thank you.');
	await first.page.getByRole('button', { name: 'Send the rating' }).click();
	await expect(first.page.getByRole('status')).toContainText('Thank you for your rating: 4 out of 5.');
	await expect(first.page.getByRole('button', { name: 'Send the rating' })).toHaveCount(0);
	await first.page.goto('/en/services/statistical-reporting-consultation');
	await expect(first.page.getByText('Rating of the service')).toHaveCount(0);

	// The supervisor sees it among the provider's ratings.
	await supervisor.goto('/en/office');
	await supervisor.getByRole('link', { name: 'Service quality ratings' }).click();
	await expect(supervisor.getByRole('row').filter({ hasText: 'Consultation on submitting electronic statistical reports' })).toContainText('4.0');
	await checkPage(supervisor, 'office-ratings-en');

	for (const context of [first.context, second.context, supervisorContext, executorContext]) await context.close();
});

test("the office answers only its provider's staff, for the queue, the application, its documents and its actions; a supervisor turns on automatic assignment", async ({ browser }) => {
	test.setTimeout(240_000);
	const owner = await applicant(browser, 'Dana');
	const base = process.env.E2E_BASE_URL!;
	const headers = { origin: base, accept: 'text/html' };
	// The applicant's own link to a document they attached gives its id; the office has its own address for it.
	await owner.page.goto(`/en/applications/${owner.number}`);
	const documentId = /documents\/([^/?#]+)/.exec((await owner.page.getByRole('link', { name: 'identity.pdf' }).getAttribute('href'))!)![1]!;
	const document = `/en/office/applications/${owner.number}/documents/${documentId}`;
	// A file the owner sent in the thread, the same way.
	const sentFile = await owner.page.request.post(`/en/applications/${owner.number}?/message`, { headers, multipart: { text: 'The scan', file: pdfFile('thread-scan.pdf') }, maxRedirects: 0 });
	expect(sentFile.status(), 'the file is sent in the thread').toBe(303);
	await owner.page.goto(`/en/applications/${owner.number}`);
	const attachmentId = /attachments\/([^/?#]+)/.exec((await owner.page.getByRole('link', { name: 'thread-scan.pdf' }).getAttribute('href'))!)![1]!;
	const attachment = `/en/office/applications/${owner.number}/attachments/${attachmentId}`;
	const urls = [`/en/office/applications/${owner.number}`, document, attachment, `/en/office/applications/${owner.number}/events`];

	// The owner's own session: the office does not exist for applicants, whatever the address.
	for (const url of ['/en/office', ...urls]) expect((await owner.page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
	const ownerMove = await owner.page.request.post(`/en/office/applications/${owner.number}?/move`, { headers, form: { action: 'take' }, maxRedirects: 0 });
	expect(ownerMove.status()).toBe(404);

	// A visitor is sent to sign in first.
	const visitor = await browser.newContext();
	for (const url of ['/en/office', ...urls]) {
		const response = await visitor.request.get(url, { maxRedirects: 0 });
		expect(response.status(), url).toBe(303);
		expect(response.headers().location).toContain('/login?next=');
	}
	await visitor.close();

	// Staff of another provider, and the provider's executor it is not assigned to, do not find it.
	for (const person of [demoStaff('supervisor', 'nadloc'), demoStaff('executor', OFFICE_PROVIDER, 1)]) {
		const isExecutor = person.role === 'executor';
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInStaff(page, person);
		await expect(page.getByRole('row').filter({ hasText: owner.number })).toHaveCount(0);
		for (const url of urls) expect((await page.request.get(url, { maxRedirects: 0 })).status(), `${person.role} of ${person.provider}: ${url}`).toBe(404);
		const move = await page.request.post(`/en/office/applications/${owner.number}?/move`, { headers, form: { action: 'take', status: 'submitted' }, maxRedirects: 0 });
		expect(move.status()).toBe(404);
		const seen = await page.request.post(`/en/office/applications/${owner.number}/messages`, { headers, form: { upTo: '1' }, maxRedirects: 0 });
		expect(seen.status(), 'marking its thread read').toBe(404);
		const assign = await page.request.post('/en/office?/assign', { headers, form: { number: owner.number, executor: '1' }, maxRedirects: 0 });
		expect(assign.status()).toBeGreaterThanOrEqual(400);
		if (isExecutor) expect((await page.request.get('/en/office/services', { maxRedirects: 0 })).status()).toBe(404);
		await context.close();
	}

	// The provider's supervisor does, and its documents; the application is still unassigned.
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInStaff(page, demoStaff('supervisor', OFFICE_PROVIDER));
	// (The live events stream does not end, so it is not fetched whole here.)
	for (const url of urls.filter((url) => !url.endsWith('/events'))) expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(200);
	await page.goto(`/en/office?q=${owner.number}`);
	await expect(page.getByRole('row').filter({ hasText: owner.number })).toContainText('not assigned');

	// Automatic assignment for the service: the next application sent goes to an executor at once.
	await page.getByRole('link', { name: 'Assigning applications' }).click();
	const automatic = page.getByRole('checkbox', { name: 'Consultation on submitting electronic statistical reports' });
	await automatic.check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('The settings are saved.');
	await expect(automatic).toBeChecked();
	await checkPage(page, 'office-services-en');
	const next = await sendStatisticalConsultation(owner.page.request, owner.person);
	await page.goto(`/en/office?q=${next}`);
	await expect(page.getByRole('row').filter({ hasText: next })).not.toContainText('not assigned');
	await page.goto('/en/office/services');
	await automatic.uncheck();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(automatic).not.toBeChecked();
	await context.close();
	await owner.context.close();
});

test('a supervisor sends a notice by hand, then refuses the application with a reason, which the applicant reads on its page; an empty reason is refused', async ({ browser }) => {
	test.setTimeout(240_000);
	const owner = await applicant(browser, 'Erlan');
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInStaff(page, demoStaff('supervisor', OFFICE_PROVIDER));
	await page.goto(`/en/office/applications/${owner.number}`);
	// A notice by hand first: it reaches the applicant's thread (and their SMS).
	await page.getByLabel('Text of the notice (by SMS or email, up to 500 characters)').fill('Please call us about your registration address.');
	await page.getByRole('button', { name: 'Send the notice' }).click();
	await expect(page.getByText(`A notice about application No. ${owner.number}: Please call us about your registration address.`)).toBeVisible();
	await expect.poll(() => messagesTo(owner.person.phone).some((text) => text.includes('Please call us about your registration address.'))).toBe(true);
	await page.getByRole('button', { name: 'Reject the application' }).click();
	await expect(page.getByRole('alert')).toContainText('Fill in this field');
	await expect(page.getByLabel('Reason for the refusal (the applicant will read it)')).toHaveAttribute('aria-invalid', 'true');
	await checkPage(page, 'office-reject-error-en');
	await page.getByLabel('Reason for the refusal (the applicant will read it)').fill('The service is for companies registered in Almaty.\nPlease apply to your regional chamber.');
	await page.getByRole('button', { name: 'Reject the application' }).click();
	await expect(page.getByText('Rejected').first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Reject the application' })).toHaveCount(0);

	await owner.page.goto(`/ru/applications/${owner.number}`);
	const decision = owner.page.getByRole('region', { name: 'Решение' });
	await expect(decision).toContainText(`По заявке № ${owner.number} отказано. Причина: The service is for companies registered in Almaty.`);
	await checkPage(owner.page, 'application-rejected-ru');
	await owner.page.goto('/ru/applications');
	await expect(owner.page.getByRole('row').filter({ hasText: owner.number })).toContainText('Отказано');
	await context.close();
	await owner.context.close();
});

test('the passport shows the service’s rating from the fifth applicant who rated it on, and not before', async ({ browser }) => {
	// Up to four applicants, each sent, answered and completed through the same form posts the pages
	// make, then rated: sized for a busy two-core machine.
	test.setTimeout(360_000);
	const base = process.env.E2E_BASE_URL!;
	const headers = { origin: base, accept: 'text/html' };
	const staffContext = await browser.newContext();
	const supervisor = await staffContext.newPage();
	await signInStaff(supervisor, demoStaff('supervisor', OFFICE_PROVIDER));
	// How many have rated it already (the first journey of this file rates it once).
	await supervisor.goto('/en/office/ratings');
	const serviceRow = supervisor.getByRole('row').filter({ hasText: 'Consultation on submitting electronic statistical reports' }).first();
	const countText = (await serviceRow.count()) > 0 ? await serviceRow.getByRole('cell').nth(1).textContent() : '0';
	const already = Number.parseInt(countText ?? '0', 10) || 0;
	const executor = demoStaff('executor', OFFICE_PROVIDER);
	const executorContext = await browser.newContext();
	const work = await executorContext.newPage();
	await signInStaff(work, executor);
	// The executor's id, from the queue's assignment form (shown once there is something to assign).
	let executorId: string | null = null;

	const passportRating = async () => {
		const page = await staffContext.request.get(`${base}/en/services/statistical-reporting-consultation`);
		return /Average rating: ([\d.,]+) out of 5 \((\d+) ratings\)/.exec(await page.text());
	};
	for (let rated = already; rated < 5; rated++) {
		expect(await passportRating(), `hidden with ${rated} ratings`).toBeNull();
		const context = await browser.newContext();
		const page = await context.newPage();
		const iin = uniqueIin();
		const person = { firstName: 'Rater', lastName: `No${rated}`, iin, email: `rater-${iin}@example.kz`, phone: uniqueMobile() };
		await signUp(page, person);
		const number = await sendStatisticalConsultation(page.request, person);
		if (executorId === null) {
			await supervisor.goto('/en/office');
			executorId = await supervisor.locator('#assign-executor option').filter({ hasText: executor.name.split(' ').slice(0, 2).join(' ') }).getAttribute('value');
		}
		const assigned = await supervisor.request.post(`${base}/en/office?/assign`, { headers, form: { number, executor: executorId! }, maxRedirects: 0 });
		expect(assigned.status(), 'assigned').toBe(303);
		const office = `${base}/en/office/applications/${number}`;
		expect((await work.request.post(`${office}?/move`, { headers, form: { action: 'take' }, maxRedirects: 0 })).status(), 'taken').toBe(303);
		expect((await work.request.post(`${office}?/issue`, { headers, multipart: { kind: 'consultation_answer', source: 'generated', body: 'Submit form 1-P.' }, maxRedirects: 0 })).status(), 'answered').toBe(303);
		expect((await work.request.post(`${office}?/move`, { headers, form: { action: 'complete' }, maxRedirects: 0 })).status(), 'completed').toBe(303);
		// Every question of the survey, whichever the service asks now, scored 5.
		const survey = await page.request.get(`${base}/en/applications/${number}`);
		const keys = [...new Set([...(await survey.text()).matchAll(/type="radio" name="([^"]+)"/g)].map((match) => match[1]!))];
		const answers = Object.fromEntries(keys.map((key) => [key, '5']));
		expect((await page.request.post(`${base}/en/applications/${number}?/rate`, { headers, form: { ...answers, comment: '' }, maxRedirects: 0 })).status(), 'rated').toBe(303);
		await context.close();
	}
	const shown = await passportRating();
	expect(shown, 'shown from the fifth rating').not.toBeNull();
	expect(Number(shown![2])).toBeGreaterThanOrEqual(5);
	await supervisor.goto('/en/services/statistical-reporting-consultation');
	await expect(supervisor.getByText('Rating of the service')).toBeVisible();
	await checkPage(supervisor, 'passport-rating-en');
	await staffContext.close();
	await executorContext.close();
});

test('the same office journey with JavaScript off on both sides: assigned, taken, a question and an answer with a file, returned and corrected, answered with a generated PDF, completed and rated', async ({ browser }) => {
	test.setTimeout(360_000);
	const applicantContext = await browser.newContext({ javaScriptEnabled: false });
	const owner = await applicantContext.newPage();
	const iin = uniqueIin();
	const person = { firstName: 'Saule', lastName: 'Nurlanova', iin, email: `saule-${iin}@example.kz`, phone: uniqueMobile() };
	await signUp(owner, person);
	const number = await sendStatisticalConsultation(owner.request, person);

	// The supervisor assigns it: the list is a form that posts and shows the list again.
	const supervisorContext = await browser.newContext({ javaScriptEnabled: false });
	const supervisor = await supervisorContext.newPage();
	await signInStaff(supervisor, demoStaff('supervisor', OFFICE_PROVIDER));
	const executor = demoStaff('executor', OFFICE_PROVIDER, 0);
	const executorShort = executor.name.split(' ').slice(0, 2).join(' ');
	await supervisor.getByLabel(`Select application ${number}`).check();
	const choice = supervisor.locator('#assign-executor');
	await choice.selectOption((await choice.locator('option', { hasText: executorShort }).getAttribute('value'))!);
	await supervisor.getByRole('button', { name: 'Assign' }).click();
	await expect(supervisor.getByRole('status')).toContainText('Applications assigned: 1.');

	// The executor takes it into work and asks; the applicant reads the question once the page is loaded again.
	const executorContext = await browser.newContext({ javaScriptEnabled: false });
	const work = await executorContext.newPage();
	await signInStaff(work, executor);
	await work.getByRole('link', { name: number }).click();
	await work.getByRole('button', { name: 'Take into work' }).click();
	await expect(work.getByText('In progress').first()).toBeVisible();
	await work.getByLabel('Type a message').fill('Which quarter is the report for? See www.stat.gov.kz');
	await work.getByRole('button', { name: 'Send the message' }).click();
	await expect(work.getByText('Which quarter is the report for?')).toBeVisible();
	await owner.goto(`/en/applications/${number}`);
	await expect(owner.getByText('Which quarter is the report for?')).toBeVisible();
	await expect(owner.getByRole('link', { name: 'www.stat.gov.kz' })).toHaveAttribute('href', 'https://www.stat.gov.kz/');
	await owner.getByLabel('Type a message').fill('The first quarter; the draft is attached.');
	await owner.getByLabel('Attach a file').setInputFiles(pdfFile('quarter-draft.pdf'));
	await owner.getByRole('button', { name: 'Send the message' }).click();
	await expect(owner.getByRole('link', { name: 'quarter-draft.pdf' })).toBeVisible();
	await work.reload();
	await expect(work.getByText('The first quarter; the draft is attached.')).toBeVisible();
	expect((await work.request.get((await work.getByRole('link', { name: 'quarter-draft.pdf' }).getAttribute('href'))!)).status()).toBe(200);

	// Returned for correction; the applicant fixes the flagged step and sends it again.
	await work.getByRole('checkbox', { name: 'Statistical reporting' }).check();
	await work.getByLabel('What to fix (the applicant will read it)').fill('Name the report form code, please.');
	await work.getByRole('button', { name: 'Return for correction' }).click();
	await expect(work.getByText('Returned for correction').first()).toBeVisible();
	await owner.goto(`/en/applications/${number}`);
	await owner.getByRole('region', { name: 'The application needs correcting' }).getByRole('link', { name: 'Statistical reporting' }).click();
	await owner.getByLabel('Statistical form code').fill('1-P');
	await owner.getByRole('button', { name: 'Send' }).click();
	await expect(owner.getByRole('dialog', { name: 'Application sent' })).toBeVisible();

	// A generated answer, then completed; the applicant downloads it and rates the service.
	await work.reload();
	await expect(work.getByText('1-P')).toBeVisible();
	await work.getByLabel('Text of the document').fill('Submit form 1-P by 25 April.');
	await work.getByRole('button', { name: 'Issue the document' }).click();
	await expect(work.getByRole('link', { name: `consultation-answer-${number}.pdf` })).toBeVisible();
	await work.getByRole('button', { name: 'Complete' }).click();
	await expect(work.getByText('Completed').first()).toBeVisible();
	await owner.goto(`/en/applications/${number}`);
	const answer = await owner.request.get((await owner.getByRole('link', { name: `consultation-answer-${number}.pdf` }).getAttribute('href'))!);
	expect((await answer.body()).subarray(0, 5).toString()).toBe('%PDF-');
	for (const group of await owner.getByRole('group').filter({ hasText: '5 — excellent' }).all()) await group.getByRole('radio', { name: '5 — excellent' }).check();
	await owner.getByRole('button', { name: 'Send the rating' }).click();
	await expect(owner.getByRole('status')).toContainText('Thank you for your rating: 5 out of 5.');
	// (axe runs in the page, so these pages are checked by the journey above, with scripts on.)
	for (const context of [applicantContext, supervisorContext, executorContext]) await context.close();
});

/**
 * The application assigned and taken through the pages' own posts, then a document issued through
 * the form with the given signers and sent for signing. The supervisor and executor stay signed in.
 */
async function issuedForSigning(browser: Browser, number: string, document: { kind: string; text: string; signers: string; awaiting: string }) {
	const base = process.env.E2E_BASE_URL!;
	const headers = { origin: base, accept: 'text/html' };
	const staffContext = await browser.newContext();
	const supervisor = await staffContext.newPage();
	await signInStaff(supervisor, demoStaff('supervisor', OFFICE_PROVIDER));
	const executor = demoStaff('executor', OFFICE_PROVIDER, 0);
	const executorId = await supervisor.locator('#assign-executor option').filter({ hasText: executor.name.split(' ').slice(0, 2).join(' ') }).getAttribute('value');
	expect((await supervisor.request.post(`${base}/en/office?/assign`, { headers, form: { number, executor: executorId! }, maxRedirects: 0 })).status(), 'assigned').toBe(303);
	const executorContext = await browser.newContext();
	const work = await executorContext.newPage();
	await signInStaff(work, executor);
	const office = `/en/office/applications/${number}`;
	expect((await work.request.post(`${base}${office}?/move`, { headers, form: { action: 'take' }, maxRedirects: 0 })).status(), 'taken').toBe(303);
	await work.goto(office);
	await work.getByLabel('Kind of document').selectOption({ label: document.kind });
	await work.getByLabel('Text of the document').fill(document.text);
	await work.getByLabel('Who signs it (EDS)').selectOption({ label: document.signers });
	await work.getByRole('button', { name: 'Issue the document' }).click();
	await expect(work.getByText(document.awaiting)).toHaveCount(0);
	await work.getByRole('button', { name: 'Send for signature' }).click();
	await expect(work.getByText(document.awaiting)).toBeVisible();
	return { staffContext, supervisor, executorContext, work, office };
}

test("an act is issued for the applicant's EDS signature: refused for a signature of something else, signed with the test signer, «signed successfully», completed and asking for the rating; the office sees who signed", async ({ browser }) => {
	test.setTimeout(300_000);
	const owner = await applicant(browser, 'Zhuldyz');
	const base = process.env.E2E_BASE_URL!;
	const headers = { origin: base, accept: 'text/html' };

	const { staffContext, executorContext, work, office } = await issuedForSigning(browser, owner.number, {
		kind: 'Act of services rendered',
		text: 'The consultation on statistical reporting was given in full.',
		signers: 'The applicant',
		awaiting: "Awaits the applicant's signature"
	});

	// The applicant finds the act waiting for them, in three languages.
	const page = owner.page;
	await page.goto(`/en/applications/${owner.number}`);
	await expect(page.getByText("Awaits the applicant's signature")).toBeVisible();
	await page.getByRole('link', { name: 'Sign with EDS' }).click();
	await expect(page.getByRole('heading', { name: 'Signing the document with EDS' })).toBeVisible();
	await checkPage(page, 'signing-en');
	const signPath = new URL(page.url()).pathname.replace(/^\/en/, '');
	await page.goto(`/ru${signPath}`);
	await expect(page.getByRole('heading', { name: 'Подписание документа ЭЦП' })).toBeVisible();
	await checkPage(page, 'signing-ru');
	await page.goto(signPath);
	await expect(page.getByRole('heading', { name: 'Құжатқа ЭЦҚ-мен қол қою' })).toBeVisible();
	await checkPage(page, 'signing-kk');
	await page.goto(`/en${signPath}`);

	// Nothing chosen, then a file that is no signature: clear messages, nothing signed.
	await page.getByRole('button', { name: 'Send the signature' }).click();
	await expect(page.getByRole('alert')).toContainText('Sign with NCALayer or choose a signature file');
	await page.getByLabel('Or upload a signature file (.cms)').setInputFiles({ name: 'act.cms', mimeType: 'application/pkcs7-signature', buffer: Buffer.from('MIIB this is not a signature') });
	await page.getByRole('button', { name: 'Send the signature' }).click();
	await expect(page.getByRole('alert')).toContainText('This is not a CMS signature');
	await checkPage(page, 'signing-error-en');
	// Without the signing app on this machine, NCALayer is reported as not running.
	await page.getByRole('button', { name: 'Sign with NCALayer' }).click();
	await expect(page.getByRole('status')).toContainText('NCALayer is not running');

	// Nobody else reaches the signing page, the sign action or a test certificate for this document:
	// another applicant, the provider's executor, a visitor.
	const signUrl = `/en${signPath}`;
	const certificateUrl = signUrl.replace(/\/sign$/, '/test-certificate');
	const strangerContext = await browser.newContext();
	const stranger = await strangerContext.newPage();
	const strangerIin = uniqueIin();
	await signUp(stranger, { firstName: 'Other', lastName: 'Person', iin: strangerIin, email: `other-${strangerIin}@example.kz`, phone: uniqueMobile() });
	for (const request of [stranger.request, work.request]) {
		expect((await request.get(signUrl, { maxRedirects: 0 })).status(), `GET ${signUrl}`).toBe(404);
		expect((await request.post(signUrl, { headers, multipart: { cms: 'MIIB' }, maxRedirects: 0 })).status(), `POST ${signUrl}`).toBe(404);
		expect((await request.post(certificateUrl, { headers, form: {}, maxRedirects: 0 })).status(), `POST ${certificateUrl}`).toBe(404);
	}
	await strangerContext.close();
	const visitor = await browser.newContext();
	expect((await visitor.request.get(signUrl, { maxRedirects: 0 })).headers().location).toContain('/login?next=');
	expect((await visitor.request.post(certificateUrl, { headers, form: {}, maxRedirects: 0 })).status()).not.toBe(200);
	await visitor.close();
	// A certificate is made only on a POST from the portal's own pages.
	expect((await page.request.get(certificateUrl, { maxRedirects: 0 })).status()).toBe(405);
	expect((await page.request.post(certificateUrl, { headers: { origin: 'https://attacker.example' }, form: {}, maxRedirects: 0 })).status()).toBe(403);

	// The test signer: a certificate of the demo's CA for this IIN, the CMS made in the browser.
	await page.getByRole('button', { name: 'Sign with the test signer' }).click();
	await expect(page).toHaveURL(new RegExp(`/en/applications/${owner.number}\\?signed=1$`));
	const dialog = page.getByRole('dialog', { name: 'Signed successfully' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText(`application No. ${owner.number} is completed`);
	await checkPage(page, 'signing-done-en');
	await page.keyboard.press('Escape');
	await expect(page.getByText('Completed').first()).toBeVisible();
	await expect(page.getByText(`Signed with EDS: ${owner.person.lastName.toUpperCase()} ${owner.person.firstName.toUpperCase()}`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sign with EDS' })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Rate the quality of the service' })).toBeVisible();

	// Anyone can check the document: the downloaded file with its .cms holds, the same file with one
	// byte changed does not, and the document's own check page (where its QR code leads) agrees.
	const documentLink = page.getByRole('link', { name: /^act-of-services-rendered-.*\.pdf$/ });
	const signedPdf = await (await page.request.get((await documentLink.getAttribute('href'))!)).body();
	const cmsResponse = await page.request.get((await page.getByRole('link', { name: 'signature (.cms)' }).getAttribute('href'))!);
	expect(cmsResponse.headers()['content-disposition']).toContain('.applicant.cms');
	const cmsFile = await cmsResponse.body();
	const checker = await browser.newContext();
	const check = await checker.newPage();
	await check.goto('/en/verify');
	await check.getByRole('button', { name: 'Check' }).click();
	await expect(check.getByRole('alert')).toContainText('Choose the document to check');
	await checkPage(check, 'verify-error-en');
	await check.getByLabel('Document').setInputFiles({ name: 'act.pdf', mimeType: 'application/pdf', buffer: signedPdf });
	await check.getByLabel('Signature file (.cms)').setInputFiles({ name: 'act.cms', mimeType: 'application/pkcs7-signature', buffer: cmsFile });
	await check.getByRole('button', { name: 'Check' }).click();
	await expect(check.getByText('The signature is valid')).toBeVisible();
	await expect(check.getByText(`${owner.person.lastName.toUpperCase()} ${owner.person.firstName.toUpperCase()}`)).toBeVisible();
	await checkPage(check, 'verify-valid-en');
	const changed = Buffer.from(signedPdf);
	changed.writeUInt8(changed.readUInt8(changed.length - 10) ^ 1, changed.length - 10);
	await check.getByLabel('Document').setInputFiles({ name: 'act.pdf', mimeType: 'application/pdf', buffer: changed });
	await check.getByLabel('Signature file (.cms)').setInputFiles({ name: 'act.cms', mimeType: 'application/pkcs7-signature', buffer: cmsFile });
	await check.getByRole('button', { name: 'Check' }).click();
	await expect(check.getByText('The signature is not valid: The signature is of another document, or the document was changed')).toBeVisible();
	const checkPath = new URL((await page.getByRole('link', { name: 'Check the signature' }).getAttribute('href'))!, page.url()).pathname.replace(/^\/en/, '');
	for (const [prefix, valid] of [['/en', 'The signature is valid'], ['/ru', 'Подпись действительна'], ['', 'Қолтаңба жарамды']] as const) {
		await check.goto(`${prefix}${checkPath}`);
		await expect(check.getByText(valid)).toBeVisible();
		await checkPage(check, `verify-document-${prefix.slice(1) || 'kk'}`);
	}
	expect((await check.request.get('/en/verify/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
	expect((await check.request.get('/en/verify/not-an-id')).status()).toBe(404);
	await checker.close();

	// The office sees the signature; the signing page is gone now that nothing waits.
	await work.goto(office);
	await expect(work.getByText(`Signed with EDS: ${owner.person.lastName.toUpperCase()} ${owner.person.firstName.toUpperCase()}`)).toBeVisible();
	await page.goto(`/en${signPath}`);
	await expect(page).toHaveURL(new RegExp(`/en/applications/${owner.number}$`));
	await staffContext.close();
	await executorContext.close();
});

test("an agreement needs both signatures: the applicant signs first, then the provider's signer in the office; it completes, and the check shows both valid for the downloaded file and neither for a changed one", async ({ browser }) => {
	test.setTimeout(300_000);
	const owner = await applicant(browser, 'Saule');
	const base = process.env.E2E_BASE_URL!;
	const headers = { origin: base, accept: 'text/html' };
	const { staffContext, supervisor, executorContext, work, office } = await issuedForSigning(browser, owner.number, {
		kind: 'Agreement',
		text: 'The parties agree on the consultation on statistical reporting.',
		signers: 'The applicant, then the provider',
		awaiting: "Awaits the applicant's signature"
	});
	// Until the applicant has signed, the provider's signer has nothing to sign.
	await supervisor.goto(office);
	await expect(supervisor.getByRole('link', { name: 'Sign for the provider' })).toHaveCount(0);

	const page = owner.page;
	await page.goto(`/en/applications/${owner.number}`);
	await page.getByRole('link', { name: 'Sign with EDS' }).click();
	await page.getByRole('button', { name: 'Sign with the test signer' }).click();
	const dialog = page.getByRole('dialog', { name: 'Signed successfully' });
	await expect(dialog).toBeVisible();
	await expect(dialog).not.toContainText('is completed');
	await page.keyboard.press('Escape');
	await expect(page.getByText("Awaits the provider's signature")).toBeVisible();
	await expect(page.getByText('Awaiting signature').first()).toBeVisible();

	// The executor does not hold the provider's right to sign: no link, no page, no certificate.
	await work.goto(office);
	await expect(work.getByText("Awaits the provider's signature")).toBeVisible();
	await expect(work.getByRole('link', { name: 'Sign for the provider' })).toHaveCount(0);
	await supervisor.goto(office);
	await supervisor.getByRole('link', { name: 'Sign for the provider' }).click();
	await expect(supervisor.getByRole('heading', { name: 'Signing the document with EDS' })).toBeVisible();
	await expect(supervisor.getByText('You sign for the provider')).toBeVisible();
	const signPath = new URL(supervisor.url()).pathname;
	expect((await work.request.get(signPath, { maxRedirects: 0 })).headers().location).toMatch(new RegExp(`/office/applications/${owner.number}$`));
	expect((await work.request.post(signPath.replace(/\/sign$/, '/test-certificate'), { headers, form: {}, maxRedirects: 0 })).status()).toBe(404);
	// A signature posted anyway counts for nothing and leads back to the application.
	expect((await work.request.post(signPath, { headers, multipart: { cms: 'MIIB' }, maxRedirects: 0 })).headers().location).toMatch(new RegExp(`/office/applications/${owner.number}$`));
	// Another provider's signer, the applicant at the office's address and a visitor find nothing there.
	const foreignContext = await browser.newContext();
	const foreign = await foreignContext.newPage();
	await signInStaff(foreign, demoStaff('supervisor', 'nadloc'));
	for (const request of [foreign.request, page.request]) {
		expect((await request.get(signPath, { maxRedirects: 0 })).status(), `GET ${signPath}`).toBe(404);
		expect((await request.post(signPath, { headers, multipart: { cms: 'MIIB' }, maxRedirects: 0 })).status(), `POST ${signPath}`).toBe(404);
		expect((await request.post(signPath.replace(/\/sign$/, '/test-certificate'), { headers, form: {}, maxRedirects: 0 })).status()).toBe(404);
	}
	await foreignContext.close();
	const visitor = await browser.newContext();
	expect((await visitor.request.get(signPath, { maxRedirects: 0 })).headers().location).toContain('/login?next=');
	await visitor.close();
	await checkPage(supervisor, 'office-signing-en');
	for (const [prefix, heading] of [['/ru', 'Подписание документа ЭЦП'], ['', 'Құжатқа ЭЦҚ-мен қол қою']] as const) {
		await supervisor.goto(signPath.replace(/^\/en/, prefix));
		await expect(supervisor.getByRole('heading', { name: heading })).toBeVisible();
		await checkPage(supervisor, `office-signing-${prefix.slice(1) || 'kk'}`);
	}
	await supervisor.goto(signPath);
	// The applicant's signature is not the provider's: refused with the reason.
	const applicantCms = await (await page.request.get((await page.getByRole('link', { name: 'signature (.cms)' }).getAttribute('href'))!)).body();
	await supervisor.getByLabel('Or upload a signature file (.cms)').setInputFiles({ name: 'agreement.cms', mimeType: 'application/pkcs7-signature', buffer: applicantCms });
	await supervisor.getByRole('button', { name: 'Send the signature' }).click();
	await expect(supervisor.getByRole('alert')).toContainText('The certificate was not issued for your IIN/BIN');
	await supervisor.getByRole('button', { name: 'Sign with the test signer' }).click();
	await expect(supervisor).toHaveURL(new RegExp(`/en/office/applications/${owner.number}\\?signed=1$`));
	await expect(supervisor.getByRole('status').filter({ hasText: 'The document is signed for the provider.' })).toBeVisible();
	await expect(supervisor.getByText('Completed').first()).toBeVisible();
	// The office sees each signer's certificate.
	const signer = demoStaff('supervisor', OFFICE_PROVIDER);
	await expect(supervisor.getByText(`Signed with EDS: ${signer.name.split(' ').slice(0, 2).join(' ').toLocaleUpperCase('kk')}`)).toBeVisible();
	await supervisor.locator('summary', { hasText: 'Certificate' }).last().click();
	await expect(supervisor.getByText('Serial number', { exact: true }).last()).toBeVisible();
	await checkPage(supervisor, 'office-signed-en');

	// The applicant's page: completed, both signatures, the survey open.
	await page.goto(`/en/applications/${owner.number}`);
	await expect(page.getByText('Completed').first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'signature (.cms)' })).toHaveCount(2);
	await expect(page.getByRole('heading', { name: 'Rate the quality of the service' })).toBeVisible();

	// Anyone can check: both .cms files hold for the downloaded agreement; neither for a changed byte.
	const signedPdf = await (await page.request.get((await page.getByRole('link', { name: /^agreement-.*\.pdf$/ }).getAttribute('href'))!)).body();
	const cmsLinks = page.getByRole('link', { name: 'signature (.cms)' });
	const providerCms = await (await page.request.get((await cmsLinks.nth(1).getAttribute('href'))!)).body();
	const checker = await browser.newContext();
	const check = await checker.newPage();
	const changed = Buffer.from(signedPdf);
	changed.writeUInt8(changed.readUInt8(changed.length - 10) ^ 1, changed.length - 10);
	for (const cms of [applicantCms, providerCms]) {
		await check.goto('/en/verify');
		await check.getByLabel('Document').setInputFiles({ name: 'agreement.pdf', mimeType: 'application/pdf', buffer: signedPdf });
		await check.getByLabel('Signature file (.cms)').setInputFiles({ name: 'agreement.cms', mimeType: 'application/pkcs7-signature', buffer: cms });
		await check.getByRole('button', { name: 'Check' }).click();
		await expect(check.getByText('The signature is valid')).toBeVisible();
		await check.getByLabel('Document').setInputFiles({ name: 'agreement.pdf', mimeType: 'application/pdf', buffer: changed });
		await check.getByLabel('Signature file (.cms)').setInputFiles({ name: 'agreement.cms', mimeType: 'application/pkcs7-signature', buffer: cms });
		await check.getByRole('button', { name: 'Check' }).click();
		await expect(check.getByText('The signature is not valid: The signature is of another document, or the document was changed')).toBeVisible();
	}
	await check.goto(new URL((await page.getByRole('link', { name: 'Check the signature' }).getAttribute('href'))!, page.url()).pathname);
	await expect(check.getByText('The signature is valid')).toHaveCount(2);
	await checkPage(check, 'verify-two-signatures-en');
	await checker.close();
	await staffContext.close();
	await executorContext.close();
});
