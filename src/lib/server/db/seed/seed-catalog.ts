import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../client.ts';
import { queryRows } from '../query-rows.ts';
import { category, provider } from '../../catalog/schema.ts';
import { saveService } from '../../catalog/save-service.ts';
import type { SeedCategory, SeedProvider, SeedService } from './catalog-types.ts';

export interface CatalogSeed {
	providers: SeedProvider[];
	categories: SeedCategory[];
	services: SeedService[];
}

/**
 * Loads a catalog (the demo one, or a test's own) into an empty database. Does nothing when any provider exists, so a
 * restart never duplicates or overwrites what admins have changed.
 */
export async function seedCatalog(db: Database, seed: CatalogSeed): Promise<{ isSeeded: boolean; services: number }> {
	return db.transaction(async (tx) => {
		// Two instances starting together must not both seed.
		await tx.execute(sql`select pg_advisory_xact_lock(724012)`);
		const existing = await queryRows<{ n: string | number }>(tx, sql`select count(*) as n from provider`);
		if (Number(existing[0]?.n ?? 0) > 0) {
			await fillMissingBins(tx, seed.providers);
			return { isSeeded: false, services: 0 };
		}

		const providerIds = new Map<string, number>();
		for (const p of seed.providers) {
			const [row] = await tx
				.insert(provider)
				.values({ slug: p.slug, name: p.name, shortName: p.shortName ?? null, phone: p.phone ?? null, email: p.email ?? null, address: p.address ?? null, website: p.website ?? null, bin: p.bin ?? null })
				.returning({ id: provider.id });
			providerIds.set(p.slug, row!.id);
		}

		const categoryIds = new Map<string, number>();
		const insertCategory = async (node: SeedCategory, position: number, parentId: number | null) => {
			const [row] = await tx.insert(category).values({ slug: node.slug, name: node.name, position, parentId }).returning({ id: category.id });
			categoryIds.set(node.slug, row!.id);
			for (const [childPosition, child] of (node.children ?? []).entries()) await insertCategory(child, childPosition, row!.id);
		};
		for (const [position, node] of seed.categories.entries()) await insertCategory(node, position, null);

		for (const s of seed.services) {
			const categoryId = categoryIds.get(s.category);
			const providerId = providerIds.get(s.provider);
			if (categoryId === undefined || providerId === undefined) {
				throw new Error(`Demo service ${s.slug} names an unknown category (${s.category}) or provider (${s.provider})`);
			}
			await saveService(tx, {
				slug: s.slug,
				categoryId,
				providerId,
				title: s.title,
				summary: s.summary,
				description: s.description,
				conditions: s.conditions,
				recipients: s.recipients,
				termDays: s.termDays,
				resultKind: s.resultKind,
				keywords: s.keywords,
				popularity: s.popularity ?? 0,
				isPublished: true,
				regulatoryDocuments: s.regulatoryDocuments,
				requiredDocuments: s.requiredDocuments.map((d) => ({ title: d.title, isRequired: d.isRequired ?? true }))
			});
		}
		return { isSeeded: true, services: seed.services.length };
	});
}

/**
 * A catalog loaded before providers had a BIN gets the seed's BINs where none is set yet, so a
 * data directory kept from an earlier version can have documents signed by its providers.
 */
async function fillMissingBins(tx: Executor, providers: readonly SeedProvider[]): Promise<void> {
	for (const p of providers) {
		if (p.bin) await tx.update(provider).set({ bin: p.bin }).where(and(eq(provider.slug, p.slug), isNull(provider.bin)));
	}
}
