import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { seedCatalog } from '../../src/lib/server/db/seed/seed-catalog.ts';
import { testCatalog } from '../../src/lib/server/catalog/test-fixture.ts';
import { service, category, provider } from '../../src/lib/server/catalog/schema.ts';
import { writeSearchIndex } from '../../src/lib/server/catalog/write-search-index.ts';
import { searchServices } from '../../src/lib/server/catalog/search-services.ts';

const WORDS = {
	kk: ['кеңес', 'субсидия', 'қаржыландыру', 'оқыту', 'салық', 'есеп', 'кеден', 'әріптестік', 'экспорт', 'лизинг', 'грант', 'несие', 'аудит', 'сақтандыру', 'маркетинг', 'сатып', 'алу', 'кәсіпкер', 'өндіріс', 'ауыл', 'шаруашылығы', 'цифрландыру', 'қолдау', 'бизнес'],
	ru: ['консультация', 'субсидия', 'финансирование', 'обучение', 'налог', 'отчётность', 'таможня', 'партнёрство', 'экспорт', 'лизинг', 'грант', 'кредит', 'аудит', 'страхование', 'маркетинг', 'закупки', 'предприниматель', 'производство', 'сельское', 'хозяйство', 'цифровизация', 'поддержка', 'бизнес'],
	en: ['consultation', 'subsidy', 'financing', 'training', 'tax', 'reporting', 'customs', 'partnership', 'export', 'leasing', 'grant', 'loan', 'audit', 'insurance', 'marketing', 'procurement', 'entrepreneur', 'manufacturing', 'agriculture', 'digital', 'support', 'business']
} as const;

const QUERIES = ['субсидия', 'кенес', 'МҚӘ', 'ГЧП', 'export', 'ауыл шаруашылығы', 'лизин', 'консультация по налогам', 'reporting', 'цифрландыру', 'субсидя', 'grant', 'страхование', 'оқыту', 'business support', 'кеден', 'партнерство', 'marketing', 'аудит', 'өндіріс'];

function pick<T>(list: readonly T[], seed: number, count: number): T[] {
	return Array.from({ length: count }, (_, i) => list[(seed * 7 + i * 13) % list.length]!);
}

// A catalog's words follow a long tail: a few topic words are common, most words are rare. The
// filler vocabulary (about 20,000 made-up words per alphabet) gives generated services that tail.
const SYLLABLES = {
	cyr: ['ка', 'ло', 'ми', 'ра', 'те', 'су', 'ны', 'бе', 'го', 'да', 'жа', 'ки', 'лу', 'ме', 'но', 'па', 'ре', 'си', 'ту', 'ше'],
	lat: ['ka', 'lo', 'mi', 'ra', 'te', 'su', 'ny', 'be', 'go', 'da', 'ja', 'ki', 'lu', 'me', 'no', 'pa', 're', 'si', 'tu', 'she']
};
function filler(alphabet: 'cyr' | 'lat', n: number): string {
	const s = SYLLABLES[alphabet];
	return s[n % 20]! + s[Math.floor(n / 20) % 20]! + s[Math.floor(n / 400) % 20]! + s[(n * 7) % 20]!;
}
function sentence(locale: keyof typeof WORDS, seed: number, length: number): string {
	const alphabet = locale === 'en' ? 'lat' : 'cyr';
	return Array.from({ length }, (_, i) => {
		const n = (seed * 104729 + i * 7919) % 1_000_003;
		// About one word in twelve is a topic word; the rest come from the long tail.
		return n % 12 === 0 ? WORDS[locale][n % WORDS[locale].length]! : filler(alphabet, n % 20_000);
	}).join(' ');
}

export async function benchSearch(url: string | undefined, servicesCount = 10_000): Promise<{ p50: number; p95: number; max: number; queries: number }> {
	const handle = await openDatabase(url ? { url, poolSize: 4 } : { dataDir: 'memory://' });
	try {
		await seedCatalog(handle.db, testCatalog);
		const [cat] = await handle.db.select({ id: category.id }).from(category).limit(1);
		const [prov] = await handle.db.select({ id: provider.id }).from(provider).limit(1);
		const batch = 500;
		for (let start = 0; start < servicesCount; start += batch) {
			const rows = Array.from({ length: Math.min(batch, servicesCount - start) }, (_, i) => {
				const n = start + i;
				const topic = (locale: keyof typeof WORDS) => pick(WORDS[locale], n, 2).join(' ');
				const text = (locale: keyof typeof WORDS, count: number) => sentence(locale, n * 31 + count, count);
				return {
					slug: `generated-${n}`,
					categoryId: cat!.id,
					providerId: prov!.id,
					title: { kk: `${topic('kk')} ${text('kk', 3)}`, ru: `${topic('ru')} ${text('ru', 3)}`, en: `${topic('en')} ${text('en', 3)}` },
					summary: { kk: text('kk', 12), ru: text('ru', 12), en: text('en', 12) },
					description: { kk: text('kk', 40), ru: text('ru', 40), en: text('en', 40) },
					conditions: { kk: text('kk', 20), ru: text('ru', 20), en: text('en', 20) },
					recipients: { kk: text('kk', 6), ru: text('ru', 6), en: text('en', 6) },
					termDays: 10,
					resultKind: 'consultation' as const,
					keywords: { kk: pick(WORDS.kk, n + 1, 2), ru: pick(WORDS.ru, n + 1, 2), en: pick(WORDS.en, n + 1, 2) },
					isPublished: true
				};
			});
			const inserted = await handle.db.insert(service).values(rows).returning({ id: service.id });
			await writeSearchIndex(handle.db, inserted.map((row, i) => ({ serviceId: row.id, service: rows[i]! })));
		}
		// What autovacuum would do after a bulk load: statistics, and the visibility map for index-only scans.
		await handle.db.execute(sql`vacuum analyze`);

		const timings: number[] = [];
		for (let round = 0; round < 10; round++) {
			for (const query of QUERIES) {
				const started = performance.now();
				await searchServices(handle.db, query, 'kk');
				timings.push(performance.now() - started);
			}
		}
		timings.sort((a, b) => a - b);
		const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
		return { p50: at(0.5), p95: at(0.95), max: timings[timings.length - 1]!, queries: timings.length };
	} finally {
		await handle.close();
	}
}
