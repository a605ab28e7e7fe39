import { and, avg, count, eq, sql } from 'drizzle-orm';
import { MIN_RATINGS_SHOWN } from '../../survey/questions.ts';
import { application } from '../applications/schema.ts';
import type { Executor } from '../db/client.ts';
import { serviceRating } from './schema.ts';

export interface PublicServiceRating {
	average: number;
	ratings: number;
	/** Share of the completed applications finished within the term, 0 to 1. */
	withinTermShare: number | null;
}

/**
 * A service's public figures for its passport: the average score, how many rated it, and the share
 * of completed applications finished within the term. Nothing personal; null below MIN_RATINGS_SHOWN
 * ratings, so that no single person's answer can be read off the page.
 */
export async function getServiceRating(db: Executor, serviceId: number): Promise<PublicServiceRating | null> {
	const [ratings] = await db.select({ average: avg(serviceRating.score).mapWith(Number), ratings: count() }).from(serviceRating).where(eq(serviceRating.serviceId, serviceId));
	if (!ratings || ratings.ratings < MIN_RATINGS_SHOWN) return null;
	const [completed] = await db
		.select({ total: count(), within: sql<number>`count(*) filter (where ${application.isCompletedWithinTerm})`.mapWith(Number) })
		.from(application)
		.where(and(eq(application.serviceId, serviceId), eq(application.status, 'completed')));
	return { average: ratings.average, ratings: ratings.ratings, withinTermShare: completed && completed.total > 0 ? completed.within / completed.total : null };
}
