import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { seedCatalog } from '../../src/lib/server/db/seed/seed-catalog.ts';
import { testCatalog } from '../../src/lib/server/catalog/test-fixture.ts';
import { service, serviceSearch, category, provider } from '../../src/lib/server/catalog/schema.ts';
import { buildSearchRows } from '../../src/lib/server/catalog/search-index.ts';
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
				const text = (locale: keyof typeof WORDS, count: number) => pick(WORDS[locale], n + count, count).join(' ');
				return {
					slug: `generated-${n}`,
					categoryId: cat!.id,
					providerId: prov!.id,
					title: { kk: `${text('kk', 4)} ${n}`, ru: `${text('ru', 4)} ${n}`, en: `${text('en', 4)} ${n}` },
					summary: { kk: text('kk', 12), ru: text('ru', 12), en: text('en', 12) },
					description: { kk: text('kk', 40), ru: text('ru', 40), en: text('en', 40) },
					conditions: { kk: text('kk', 20), ru: text('ru', 20), en: text('en', 20) },
					recipients: { kk: text('kk', 6), ru: text('ru', 6), en: text('en', 6) },
					termDays: 10,
					resultKind: 'consultation' as const,
					keywords: { kk: pick(WORDS.kk, n, 3), ru: pick(WORDS.ru, n, 3), en: pick(WORDS.en, n, 3) },
					isPublished: true
				};
			});
			const inserted = await handle.db.insert(service).values(rows).returning({ id: service.id });
			await handle.db.insert(serviceSearch).values(inserted.flatMap((row, i) => buildSearchRows(row.id, rows[i]!)));
		}
		await handle.db.execute('analyze' as never);

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
