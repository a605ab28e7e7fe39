import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails on any serious or critical accessibility finding on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
		`axe findings on ${page.url()}`
	).toEqual([]);
}

/**
 * Saves full-page screenshots at a phone width and a desktop width, for people to look at, when
 * asked for with SCREENSHOTS=1: resizing and full-page captures cost more than the checks themselves.
 */
export async function saveScreens(page: Page, name: string): Promise<void> {
	if (process.env.SCREENSHOTS !== '1') return;
	const original = page.viewportSize();
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 800 });
		await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
	}
	if (original) await page.setViewportSize(original);
}

/** Visits a page, checks it for accessibility problems and records its screenshots. */
export async function checkPage(page: Page, name: string): Promise<void> {
	await expectAccessible(page);
	await saveScreens(page, name);
}
