import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { getServiceRating, type PublicServiceRating } from '../survey/get-service-rating.ts';
import { providerContactsOf, type ProviderContacts } from './get-provider-contacts.ts';
import { show, type ShownText } from './localize.ts';
import { category, provider, service, serviceRegulatoryDocument, serviceRequiredDocument, type ResultKind } from './schema.ts';

export interface ServicePassport {
	slug: string;
	title: ShownText;
	summary: ShownText;
	description: ShownText;
	conditions: ShownText;
	recipients: ShownText;
	termDays: number;
	resultKind: ResultKind;
	category: { slug: string; name: ShownText };
	parentCategory: { slug: string; name: ShownText } | null;
	provider: ProviderContacts;
	regulatoryDocuments: { title: ShownText; url: string | null }[];
	requiredDocuments: { title: ShownText; isRequired: boolean }[];
	/** The applicants' public rating; null until enough people have rated it. */
	rating: PublicServiceRating | null;
}

/** The public passport of a published service. */
export async function getServicePassport(db: Executor, slug: string, locale: Locale): Promise<ServicePassport> {
	const parentCategory = alias(category, 'parent_category');
	const [row] = await db
		.select({
			id: service.id,
			service,
			provider,
			categorySlug: category.slug,
			categoryName: category.name,
			parentSlug: parentCategory.slug,
			parentName: parentCategory.name
		})
		.from(service)
		.innerJoin(provider, eq(provider.id, service.providerId))
		.innerJoin(category, eq(category.id, service.categoryId))
		.leftJoin(parentCategory, eq(parentCategory.id, category.parentId))
		.where(and(eq(service.slug, slug), eq(service.isPublished, true)));
	if (!row) throw notFound('service');

	const [regulatory, required] = await Promise.all([
		db.select().from(serviceRegulatoryDocument).where(eq(serviceRegulatoryDocument.serviceId, row.id)).orderBy(asc(serviceRegulatoryDocument.position)),
		db.select().from(serviceRequiredDocument).where(eq(serviceRequiredDocument.serviceId, row.id)).orderBy(asc(serviceRequiredDocument.position))
	]);
	const s = row.service;
	const rating = await getServiceRating(db, row.id);
	return {
		rating,
		slug: s.slug,
		title: show(s.title, locale),
		summary: show(s.summary, locale),
		description: show(s.description, locale),
		conditions: show(s.conditions, locale),
		recipients: show(s.recipients, locale),
		termDays: s.termDays,
		resultKind: s.resultKind,
		category: { slug: row.categorySlug, name: show(row.categoryName, locale) },
		parentCategory: row.parentSlug && row.parentName ? { slug: row.parentSlug, name: show(row.parentName, locale) } : null,
		provider: providerContactsOf(row.provider, locale),
		regulatoryDocuments: regulatory.map((doc) => ({ title: show(doc.title, locale), url: doc.url })),
		requiredDocuments: required.map((doc) => ({ title: show(doc.title, locale), isRequired: doc.isRequired }))
	};
}
