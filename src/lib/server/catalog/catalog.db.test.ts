import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { AppError } from '../errors.ts';
import { bumpContentVersion, CONTENT_CHANNEL, readContentVersion } from './content-version.ts';
import { getCategoryPage } from './get-category-page.ts';
import { getProviderContacts } from './get-provider-contacts.ts';
import { getServicePassport } from './get-service-passport.ts';
import { listCategoryTree } from './list-category-tree.ts';
import { listPopularServices } from './list-popular-services.ts';
import { saveService } from './save-service.ts';
import { provider, service } from './schema.ts';
import { searchServices } from './search-services.ts';
import { setServicePublished } from './set-service-published.ts';
import { testCatalog } from './test-fixture.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
});
afterAll(async () => {
	await handle?.close();
});

const slugs = async (query: string) => (await searchServices(handle.db, query, 'kk')).services.map((s) => s.slug);

describe('search', () => {
	it('finds the PPP consultation by its abbreviation in every language', async () => {
		expect(await slugs('МҚӘ')).toContain('ppp-consultation');
		expect(await slugs('ГЧП')).toContain('ppp-consultation');
		expect(await slugs('ppp')).toContain('ppp-consultation');
	});

	it('folds Kazakh letters typed without the Kazakh layout', async () => {
		expect(await slugs('МКА')).toContain('ppp-consultation');
		expect(await slugs('ариптестик')).toContain('ppp-consultation');
		expect(await slugs('ӘРІПТЕСТІК')).toContain('ppp-consultation');
	});

	it('is case-insensitive and matches parts of words', async () => {
		expect(await slugs('СУБСИД')).toEqual(['subsidy']);
		expect(await slugs('партнёр')).toEqual(expect.arrayContaining(['ppp-consultation']));
	});

	it('treats ё and е alike', async () => {
		expect(await slugs('елка')).toEqual(['yolka']);
		expect(await slugs('ёлочная')).toEqual(['yolka']);
	});

	it('tolerates a typo in a longer word', async () => {
		expect(await slugs('субсидя')).toContain('subsidy');
		expect(await slugs('reimbursment')).toContain('subsidy');
	});

	it('ranks a title match above a match in the description', async () => {
		// "әріптестік" is in the PPP title and only in the legal service's description.
		expect(await slugs('әріптестік')).toEqual(['ppp-consultation', 'legal-advice']);
	});

	it('requires every word of the query', async () => {
		expect(await slugs('заң кеңесі')).toEqual(['legal-advice']);
		expect(await slugs('субсидия ppp')).toEqual([]);
	});

	it('gives an empty result, not an error, for empty, punctuation-only and very long queries', async () => {
		expect((await searchServices(handle.db, '', 'kk')).tokens).toEqual([]);
		expect((await searchServices(handle.db, '%_\\', 'kk')).total).toBe(0);
		const long = await searchServices(handle.db, 'субсидия '.repeat(60).slice(0, 500), 'kk');
		expect(long.services.map((s) => s.slug)).toEqual(['subsidy']);
		expect((await searchServices(handle.db, "'; drop table service; --", 'kk')).total).toBe(0);
	});

	it('still counts every match on a page past the last one', async () => {
		const first = await searchServices(handle.db, 'субсидия', 'kk');
		const beyond = await searchServices(handle.db, 'субсидия', 'kk', 5);
		expect(first.total).toBeGreaterThan(0);
		expect(beyond).toMatchObject({ total: first.total, services: [] });
	});

	it('shows results in the requested language with the provider', async () => {
		const result = await searchServices(handle.db, 'субсидия', 'en');
		expect(result.services[0]).toMatchObject({ title: { text: 'Cost reimbursement subsidy', lang: 'en' }, provider: { text: 'Agency', lang: 'en' } });
	});

	it('does not find unpublished services', async () => {
		await handle.db.transaction((tx) => setServicePublished(tx, 'yolka', false));
		expect(await slugs('ёлка')).toEqual([]);
		await expect(getServicePassport(handle.db, 'yolka', 'kk')).rejects.toMatchObject({ status: 404 });
		await handle.db.transaction((tx) => setServicePublished(tx, 'yolka', true));
		expect(await slugs('ёлка')).toEqual(['yolka']);
	});
});

describe('catalog pages', () => {
	it('lists the category tree in order with service counts', async () => {
		const tree = await listCategoryTree(handle.db, 'ru');
		expect(tree.map((c) => c.slug)).toEqual(['business', 'financing', 'sales']);
		expect(tree[0]!.children.map((c) => c.slug)).toEqual(['ppp', 'legal']);
		expect(tree[0]!.serviceCount).toBe(2);
		expect(tree[0]!.name).toEqual({ text: 'Помощь бизнесу', lang: 'ru' });
	});

	it('shows a top-level category with its subcategories’ services', async () => {
		const page = await getCategoryPage(handle.db, 'business', 'kk');
		expect(page.services.map((s) => s.slug).sort()).toEqual(['legal-advice', 'ppp-consultation']);
		expect(page.parent).toBeNull();
		const sub = await getCategoryPage(handle.db, 'legal', 'en');
		expect(sub.parent?.slug).toBe('business');
		expect(sub.subcategories.find((c) => c.isCurrent)?.slug).toBe('legal');
	});

	it('answers an unknown category or service with a coded not-found error', async () => {
		await expect(getCategoryPage(handle.db, 'nope', 'kk')).rejects.toThrow(AppError);
		await expect(getServicePassport(handle.db, 'nope', 'kk')).rejects.toMatchObject({ code: 'service.not_found', status: 404 });
	});

	it('falls back kk → ru → en for a missing translation and says which language it used', async () => {
		const passport = await getServicePassport(handle.db, 'only-russian', 'en');
		expect(passport.title).toEqual({ text: 'Экспортный акселератор', lang: 'ru' });
	});

	it('builds a passport with provider contacts and documents', async () => {
		const passport = await getServicePassport(handle.db, 'ppp-consultation', 'kk');
		expect(passport.provider.phone).toBe('1432');
		expect(passport.requiredDocuments).toHaveLength(1);
		expect(passport.regulatoryDocuments[0]!.title.text).toBe('Кәсіпкерлік кодекс');
		expect(passport.parentCategory?.slug).toBe('business');
	});

	it('gives a provider’s public contacts, or nothing for an unknown provider', async () => {
		expect(await getProviderContacts(handle.db, 'chamber', 'en')).toMatchObject({ name: { text: 'Chamber of Entrepreneurs', lang: 'en' }, phone: '1432', email: 'info@example.kz' });
		expect(await getProviderContacts(handle.db, 'nobody', 'en')).toBeNull();
	});

	it('lists popular services by popularity', async () => {
		expect((await listPopularServices(handle.db, 'kk')).map((s) => s.slug)).toEqual(['subsidy', 'ppp-consultation']);
	});
});

describe('content changes', () => {
	it('bump the content version and are searchable at once', async () => {
		const before = await readContentVersion(handle.db);
		const [row] = await handle.db.select().from(service).where(eq(service.slug, 'subsidy'));
		await handle.db.transaction((tx) =>
			saveService(tx, { ...row!, title: { ...row!.title, en: 'Marketing grant' }, regulatoryDocuments: [], requiredDocuments: [] })
		);
		expect(await readContentVersion(handle.db)).toBe(before + 1);
		expect(await slugs('marketing grant')).toEqual(['subsidy']);
	});

	it('are announced to every listening instance when the transaction commits', async () => {
		const heard: string[] = [];
		const unsubscribe = await handle.listen(CONTENT_CHANNEL, (payload) => heard.push(payload));
		try {
			const version = await handle.db.transaction((tx) => bumpContentVersion(tx));
			await expect.poll(() => heard, { timeout: 5000 }).toContain(String(version));
		} finally {
			await unsubscribe();
		}
	});

	it('seeding twice changes nothing', async () => {
		const again = await seedCatalog(handle.db, testCatalog);
		expect(again.isSeeded).toBe(false);
		const count = await handle.db.execute(sql`select count(*) from service`);
		expect(count).toBeDefined();
	});

	it("seeding again fills a provider's BIN that an older catalog lacked, and never overwrites one", async () => {
		await handle.db.update(provider).set({ bin: null }).where(eq(provider.slug, 'agency'));
		await handle.db.update(provider).set({ bin: '050240000719' }).where(eq(provider.slug, 'chamber'));
		await seedCatalog(handle.db, { ...testCatalog, providers: testCatalog.providers.map((p) => ({ ...p, bin: '050240000709' })) });
		const bins = await handle.db.select({ slug: provider.slug, bin: provider.bin }).from(provider);
		expect(Object.fromEntries(bins.map((row) => [row.slug, row.bin]))).toMatchObject({ agency: '050240000709', chamber: '050240000719' });
	});
});

describe('short words', () => {
	it('match only at the start of a word, so an abbreviation does not hit the middle of other words', async () => {
		// "мка" (МҚӘ folded) sits inside "рамках"; it must still find the PPP keyword and nothing else.
		const [row] = await handle.db.select().from(service).where(eq(service.slug, 'legal-advice'));
		await handle.db.transaction((tx) =>
			saveService(tx, { ...row!, description: { ...row!.description, ru: 'В рамках договора.' }, regulatoryDocuments: [], requiredDocuments: [] })
		);
		expect(await slugs('МҚӘ')).toEqual(['ppp-consultation']);
		expect(await slugs('рамк')).toEqual(['legal-advice']);
	});
});
