import { and, avg, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import type { Actor } from '../access/actor.ts';
import { userAccount } from '../accounts/schema.ts';
import { show, type ShownText } from '../catalog/localize.ts';
import { service } from '../catalog/schema.ts';
import type { Executor } from '../db/client.ts';
import { serviceRating } from './schema.ts';

export interface RatingRow {
	ratings: number;
	average: number;
}

export interface ProviderRatings {
	byService: (RatingRow & { serviceId: number; title: ShownText })[];
	byExecutor: (RatingRow & { executorId: number | null; name: string | null })[];
}

/**
 * The survey's results for the provider's services in a period (from inclusive, to exclusive): per
 * service and per executor, for the office. Only the staff member's own provider is ever counted.
 */
export async function listProviderRatings(db: Executor, actor: Actor, period: { from: Date; to: Date }, locale: Locale): Promise<ProviderRatings> {
	if (actor.providerId === null) return { byService: [], byExecutor: [] };
	const where = and(eq(service.providerId, actor.providerId), gte(serviceRating.createdAt, period.from), lt(serviceRating.createdAt, period.to));
	const [byService, byExecutor] = await Promise.all([
		db
			.select({ serviceId: service.id, title: service.title, ratings: count(), average: avg(serviceRating.score).mapWith(Number) })
			.from(serviceRating)
			.innerJoin(service, eq(service.id, serviceRating.serviceId))
			.where(where)
			.groupBy(service.id)
			.orderBy(desc(count()), service.id),
		db
			.select({ executorId: serviceRating.executorId, name: sql<string | null>`max(${userAccount.lastName} || ' ' || ${userAccount.firstName})`, ratings: count(), average: avg(serviceRating.score).mapWith(Number) })
			.from(serviceRating)
			.innerJoin(service, eq(service.id, serviceRating.serviceId))
			.leftJoin(userAccount, eq(userAccount.id, serviceRating.executorId))
			.where(where)
			.groupBy(serviceRating.executorId)
			.orderBy(desc(count()))
	]);
	return { byService: byService.map((row) => ({ ...row, title: show(row.title, locale) })), byExecutor };
}
