import { and, asc, count, eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { show, type ShownText } from './localize.ts';
import { category, service } from './schema.ts';

export interface CategoryNode {
	slug: string;
	name: ShownText;
	/** Published services in this category and its subcategories. */
	serviceCount: number;
	children: CategoryNode[];
}

/** The two-level category tree in its set order, with published-service counts for the statistics block. */
export async function listCategoryTree(db: Executor, locale: Locale): Promise<CategoryNode[]> {
	const rows = await db
		.select({
			id: category.id,
			slug: category.slug,
			parentId: category.parentId,
			name: category.name,
			own: count(service.id)
		})
		.from(category)
		.leftJoin(service, and(eq(service.categoryId, category.id), eq(service.isPublished, true)))
		.groupBy(category.id)
		.orderBy(asc(category.position), asc(category.id));
	const nodes = new Map(rows.map((row) => [row.id, { row, node: { slug: row.slug, name: show(row.name, locale), serviceCount: row.own, children: [] as CategoryNode[] } }]));
	const roots: CategoryNode[] = [];
	for (const { row, node } of nodes.values()) {
		const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
		if (parent) {
			parent.node.children.push(node);
			parent.node.serviceCount += node.serviceCount;
		} else {
			roots.push(node);
		}
	}
	return roots;
}
