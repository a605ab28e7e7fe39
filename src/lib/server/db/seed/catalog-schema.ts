import { z } from 'zod';
import { RESULT_KINDS } from '../../../catalog/result-kind.ts';
import { checkBin } from '../../../identity/iin-bin.ts';
import { localizedTextSchema, perLocaleSchema } from '../../../schemas/localized-text.ts';
import type { CatalogSeed } from './seed-catalog.ts';
import type { SeedCategory, SeedDocumentRef, SeedProvider, SeedService } from './catalog-types.ts';

/**
 * The shape of a catalog to seed (catalog-types.ts), checked where it comes from outside the code
 * (demo/catalog.yaml). Besides the types it refuses a slug used twice and a service naming a
 * category or provider the catalog does not have, with the path of the offending entry.
 */

/** Slugs are part of URLs: lower-case words joined by `-`. */
const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug (a-z, 0-9, -)');

export const seedProviderSchema: z.ZodType<SeedProvider> = z.strictObject({
	slug: slugSchema,
	name: localizedTextSchema,
	shortName: localizedTextSchema.optional(),
	phone: z.string().min(1).optional(),
	email: z.email().optional(),
	address: localizedTextSchema.optional(),
	website: z.url({ protocol: /^https?$/ }).optional(),
	bin: z
		.string()
		.refine((value) => checkBin(value).isValid && /^\d{12}$/.test(value), 'must be a valid 12-digit BIN')
		.optional()
});

export const seedCategorySchema: z.ZodType<SeedCategory> = z.lazy(() =>
	z.strictObject({ slug: slugSchema, name: localizedTextSchema, children: z.array(seedCategorySchema).optional() })
);

const documentRefShape = { title: localizedTextSchema, url: z.url({ protocol: /^https?$/ }).optional() };
export const seedDocumentRefSchema: z.ZodType<SeedDocumentRef> = z.strictObject(documentRefShape);

export const seedServiceSchema: z.ZodType<SeedService> = z.strictObject({
	slug: slugSchema,
	category: z.string(),
	provider: z.string(),
	title: localizedTextSchema,
	summary: localizedTextSchema,
	description: localizedTextSchema,
	conditions: localizedTextSchema,
	recipients: localizedTextSchema,
	termDays: z.int().positive(),
	resultKind: z.enum(RESULT_KINDS),
	keywords: perLocaleSchema(z.array(z.string().min(1))),
	popularity: z.int().nonnegative().optional(),
	regulatoryDocuments: z.array(seedDocumentRefSchema),
	requiredDocuments: z.array(z.strictObject({ ...documentRefShape, isRequired: z.boolean().optional() }))
});

/** Every category of the tree with its path in the catalog (`categories.0.children.2`). */
function flattenCategories(nodes: SeedCategory[], path: (string | number)[]): { node: SeedCategory; path: (string | number)[] }[] {
	return nodes.flatMap((node, index) => [{ node, path: [...path, index] }, ...flattenCategories(node.children ?? [], [...path, index, 'children'])]);
}

export const catalogSeedSchema: z.ZodType<CatalogSeed> = z
	.strictObject({ providers: z.array(seedProviderSchema), categories: z.array(seedCategorySchema), services: z.array(seedServiceSchema) })
	.superRefine((catalog, ctx) => {
		const once = (entries: { slug: string; path: (string | number)[] }[]) => {
			const seen = new Set<string>();
			for (const { slug, path } of entries) {
				if (seen.has(slug)) ctx.addIssue({ code: 'custom', message: `slug "${slug}" is used twice`, path: [...path, 'slug'] });
				seen.add(slug);
			}
			return seen;
		};
		const providers = once(catalog.providers.map((p, index) => ({ slug: p.slug, path: ['providers', index] })));
		const categories = once(flattenCategories(catalog.categories, ['categories']).map(({ node, path }) => ({ slug: node.slug, path })));
		once(catalog.services.map((s, index) => ({ slug: s.slug, path: ['services', index] })));
		catalog.services.forEach((s, index) => {
			if (!categories.has(s.category)) ctx.addIssue({ code: 'custom', message: `no category "${s.category}" in this catalog`, path: ['services', index, 'category'] });
			if (!providers.has(s.provider)) ctx.addIssue({ code: 'custom', message: `no provider "${s.provider}" in this catalog`, path: ['services', index, 'provider'] });
		});
	});
