import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { show, type ShownText } from './localize.ts';
import { category, provider, service } from './schema.ts';
import { toServiceSummary, type ServiceSummary } from './service-summary.ts';

export interface CategoryPage {
	slug: string;
	name: ShownText;
	parent: { slug: string; name: ShownText } | null;
	/** Sibling subcategories (or the category's own children), for the side navigation. */
	subcategories: { slug: string; name: ShownText; isCurrent: boolean }[];
	services: ServiceSummary[];
}

/** A category with its published services; a top-level category also lists its subcategories' services. */
export async function getCategoryPage(db: Executor, slug: string, locale: Locale): Promise<CategoryPage> {
	const parentCategory = alias(category, 'parent_category');
	const [current] = await db
		.select({ id: category.id, slug: category.slug, name: category.name, parentId: category.parentId, parentSlug: parentCategory.slug, parentName: parentCategory.name })
		.from(category)
		.leftJoin(parentCategory, eq(parentCategory.id, category.parentId))
		.where(eq(category.slug, slug));
	if (!current) throw notFound('category');

	const navigationParentId = current.parentId ?? current.id;
	const subcategories = await db
		.select({ id: category.id, slug: category.slug, name: category.name })
		.from(category)
		.where(eq(category.parentId, navigationParentId))
		.orderBy(asc(category.position), asc(category.id));

	const categoryIds = current.parentId === null ? [current.id, ...subcategories.map((c) => c.id)] : [current.id];
	const rows = await db
		.select({ slug: service.slug, title: service.title, summary: service.summary, providerName: provider.name })
		.from(service)
		.innerJoin(provider, eq(provider.id, service.providerId))
		.where(and(eq(service.isPublished, true), inArray(service.categoryId, categoryIds)))
		.orderBy(asc(service.id));

	return {
		slug: current.slug,
		name: show(current.name, locale),
		parent: current.parentId !== null && current.parentSlug && current.parentName ? { slug: current.parentSlug, name: show(current.parentName, locale) } : null,
		subcategories: subcategories.map((c) => ({ slug: c.slug, name: show(c.name, locale), isCurrent: c.id === current.id })),
		services: rows.map((row) => toServiceSummary(row, locale))
	};
}
