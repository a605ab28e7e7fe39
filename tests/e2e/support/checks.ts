import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Fails on any serious or critical accessibility finding on the page as it is now. axe-core runs
 * in the page itself, asked for violations only: the AxeBuilder wrapper opens a second page for each
 * check and gathers every passing node too, which made a check cost 3–7 s on a busy two-core machine
 * instead of about one. The portal's pages have no frames, so one run over the document sees it all.
 */
export async function expectAccessible(page: Page): Promise<void> {
	type AxeWindow = { axe?: typeof axe };
	if (!(await page.evaluate(() => typeof (window as unknown as AxeWindow).axe === 'object'))) await page.evaluate(axe.source);
	const findings = await page.evaluate(async (tags) => {
		const result = await (window as unknown as Required<AxeWindow>).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
	}, WCAG_TAGS);
	const serious = findings.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		serious.map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`),
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
