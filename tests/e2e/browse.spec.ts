import { expect, test } from '@playwright/test';
import { checkPage, expectAccessible } from './support/checks.ts';
import { mrpMzpAt } from '../../src/lib/reference/mrp-mzp.ts';

const journeys = [
	{ locale: 'kk', prefix: '', category: 'Қаржыландыру', subcategory: 'Субсидиялар', order: 'Қызметке тапсырыс беру', term: 'Қызмет көрсету мерзімі', rates: 'ҚР ҰБ бағамы, 01.12.2025:', usd: '509,34', down: 'төмендеді', mrp: 'АЕК', mzp: 'ЖТМ', sent: '{year} жылы жіберілген өтінімдер', chart: '{year} жылғы өтінімдер айлар бойынша' },
	{ locale: 'ru', prefix: '/ru', category: 'Финансирование', subcategory: 'Субсидии', order: 'Заказать услугу', term: 'Срок оказания услуги', rates: 'Курс НБ РК на 01.12.2025:', usd: '509,34', down: 'снизился', mrp: 'МРП', mzp: 'МЗП', sent: 'Заявок отправлено в {year} году', chart: 'Заявки {year} года по месяцам' },
	{ locale: 'en', prefix: '/en', category: 'Financing', subcategory: 'Subsidies', order: 'Order the service', term: 'Term', rates: 'NBK rates of 01.12.2025:', usd: '509.34', down: 'down', mrp: 'MCI', mzp: 'Minimum wage', sent: 'Applications sent in {year}', chart: 'Applications of {year} by month' }
] as const;

for (const journey of journeys) {
	test(`home → category → passport in ${journey.locale}`, async ({ page }) => {
		await page.goto(`${journey.prefix}/`);
		await expect(page.locator('html')).toHaveAttribute('lang', journey.locale);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// The header: the demo's rates with their date and direction, and this year's MRP and minimum wage.
		const figures = mrpMzpAt(new Date());
		const header = page.getByRole('banner');
		await expect(header).toContainText(journey.rates);
		await expect(header).toContainText(`USD: ${journey.usd}`);
		await expect(header.getByText(`(${journey.down})`).first()).toBeAttached();
		const tenge = (value: number) => new Intl.NumberFormat(journey.locale, { maximumFractionDigits: 0 }).format(value);
		await expect(header).toContainText(`${journey.mrp} ${figures.year}: ${tenge(figures.mrp)} ₸`);
		await expect(header).toContainText(`${journey.mzp} ${figures.year}: ${tenge(figures.mzp)} ₸`);
		await expect(page.getByRole('heading', { level: 2, name: /NCALayer/ })).toBeVisible();
		// The year's figures, with their chart described in words.
		await expect(page.getByText(journey.sent.replace('{year}', String(figures.year)))).toBeVisible();
		await expect(page.getByRole('img', { name: new RegExp(journey.chart.replace('{year}', String(figures.year))) })).toBeVisible();
		await checkPage(page, `home-${journey.locale}`);

		await page.getByRole('link', { name: journey.category, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: journey.category })).toBeVisible();
		await checkPage(page, `category-${journey.locale}`);

		await page.getByRole('link', { name: journey.subcategory, exact: true }).first().click();
		await expect(page).toHaveURL(new RegExp(`${journey.prefix}/categories/subsidies$`));
		const nav = page.getByRole('navigation', { name: /./ }).filter({ has: page.getByRole('link', { name: journey.subcategory }) });
		await expect(nav.getByRole('link', { name: journey.subcategory })).toHaveAttribute('aria-current', 'page');

		await page.locator('.service-list a').first().click();
		await expect(page).toHaveURL(/\/services\//);
		await expect(page.getByText(journey.term, { exact: true })).toBeVisible();
		await expect(page.getByRole('button', { name: journey.order })).toBeVisible();
		await expect(page.getByRole('navigation', { name: /./ }).locator('ol')).toContainText(journey.subcategory);
		await checkPage(page, `passport-${journey.locale}`);
	});
}

test('the NADLoC subsidy passport shows everything a passport must', async ({ page }) => {
	await page.goto('/services/nadloc-promotion-reimbursement');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Отандық өңделген тауарларды');
	for (const heading of ['Қызмет берушінің байланыс деректері', 'Нормативтік құжаттар және құқықтық актілер', 'Қызмет сипаттамасы', 'Қызмет көрсету шарттары', 'Қызметті алушылар', 'Қажетті құжаттар']) {
		await expect(page.getByRole('heading', { name: heading })).toBeVisible();
	}
	await expect(page.getByText(/^\d+ күн$/)).toBeVisible();
	await expectAccessible(page);
});

test('the language switch keeps the page and the query', async ({ page }) => {
	await page.goto('/search?q=%D0%B3%D1%80%D0%B0%D0%BD%D1%82');
	await page.getByRole('navigation', { name: 'Тілді таңдау' }).getByRole('link', { name: 'Русский' }).click();
	await expect(page).toHaveURL(/\/ru\/search\?q=%D0%B3%D1%80%D0%B0%D0%BD%D1%82$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
	await page.getByRole('navigation', { name: 'Выбор языка' }).getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en\/search\?q=/);
	await page.getByRole('navigation', { name: 'Choose language' }).getByRole('link', { name: 'Қазақша' }).click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/search\?q=/);
	await expectAccessible(page);
});

test('the technical support page', async ({ page }) => {
	for (const [prefix, title] of [['', 'Техникалық көмек'], ['/ru', 'Техническая поддержка'], ['/en', 'Technical support']] as const) {
		await page.goto(`${prefix}/support`);
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(page.getByRole('main').getByRole('link', { name: '1432' })).toBeVisible();
	}
	await checkPage(page, 'support-en');
});

test('unknown pages get a localized 404', async ({ page }) => {
	for (const [prefix, title] of [['', 'Бет табылмады'], ['/ru', 'Страница не найдена'], ['/en', 'Page not found']] as const) {
		const response = await page.goto(`${prefix}/services/no-such-service`);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	}
	await checkPage(page, 'not-found-en');
});

test('ordering while signed out leads to sign-in and back to the service', async ({ page }) => {
	await page.goto('/ru/services/ppp-contract-consultation');
	const [request] = await Promise.all([page.waitForRequest((r) => r.url().includes('/login')), page.getByRole('button', { name: 'Заказать услугу' }).click()]);
	const url = new URL(request.url());
	expect(url.pathname).toBe('/ru/login');
	expect(url.searchParams.get('next')).toBe('/ru/services/ppp-contract-consultation');
});

test('keyboard users reach the skip link first and then the search', async ({ page }) => {
	await page.goto('/en/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await page.goto('/en/');
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Tab');
		if (await page.getByRole('searchbox', { name: 'Search services' }).evaluate((el) => el === document.activeElement)) break;
	}
	await expect(page.getByRole('searchbox', { name: 'Search services' })).toBeFocused();
	await page.keyboard.type('grant');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/en\/search\?q=grant$/);
});
