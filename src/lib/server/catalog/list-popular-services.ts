import { and, desc, eq, gt } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import type { Executor } from '../db/client.ts';
import { provider, service } from './schema.ts';
import { toServiceSummary, type ServiceSummary } from './service-summary.ts';

export async function listPopularServices(db: Executor, locale: Locale, limit = 6): Promise<ServiceSummary[]> {
	const rows = await db
		.select({ slug: service.slug, title: service.title, summary: service.summary, providerName: provider.name })
		.from(service)
		.innerJoin(provider, eq(provider.id, service.providerId))
		.where(and(eq(service.isPublished, true), gt(service.popularity, 0)))
		.orderBy(desc(service.popularity), service.id)
		.limit(limit);
	return rows.map((row) => toServiceSummary(row, locale));
}
