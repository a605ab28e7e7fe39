import { isDeepStrictEqual } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { almatyYear } from '../../reference/mrp-mzp.ts';
import type { PortalStatistics } from '../../statistics/portal-statistics.ts';
import { MIN_RATINGS_SHOWN } from '../../survey/questions.ts';
import { bumpContentVersion } from '../catalog/content-version.ts';
import { cachedPerContentVersion } from '../catalog/content-cache.ts';
import type { Database, Executor } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';
import { loggableMessage } from '../log.ts';
import { portalStatistics } from './schema.ts';

/** Midnight of 1 January in Almaty (UTC+5), as an instant. */
function yearStart(year: number): Date {
	return new Date(Date.UTC(year, 0, 1) - 5 * 3_600_000);
}

/**
 * Works the year's figures out from the applications and ratings: sent this year (drafts never
 * count), of those completed and within the term, by the month they were sent, and the year's
 * average score. The sent applications are read through the index on their sending time.
 */
export async function computeStatistics(db: Executor, now = new Date()): Promise<PortalStatistics> {
	const year = almatyYear(now);
	const from = yearStart(year);
	const to = yearStart(year + 1);
	const months = await queryRows<{ month: number; received: string | number; completed: string | number; within: string | number }>(
		db,
		// Kazakhstan's UTC+5 written out: a database's own time zone data may still have Almaty at +6.
		sql`select extract(month from (submitted_at + interval '5 hours') at time zone 'UTC')::int as month,
				count(*) as received,
				count(*) filter (where status = 'completed') as completed,
				count(*) filter (where status = 'completed' and is_completed_within_term) as within
			from application
			where submitted_at >= ${from} and submitted_at < ${to}
			group by 1`
	);
	const [rated] = await queryRows<{ ratings: string | number; average: string | number | null }>(
		db,
		sql`select count(*) as ratings, avg(score) as average from service_rating where created_at >= ${from} and created_at < ${to}`
	);
	const byMonth = new Map(months.map((row) => [Number(row.month), row]));
	const sum = (key: 'received' | 'completed' | 'within') => months.reduce((total, row) => total + Number(row[key]), 0);
	const completed = sum('completed');
	const ratings = Number(rated?.ratings ?? 0);
	return {
		year,
		received: sum('received'),
		completed,
		withinTermShare: completed > 0 ? sum('within') / completed : null,
		averageRating: ratings >= MIN_RATINGS_SHOWN && rated?.average != null ? Math.round(Number(rated.average) * 100) / 100 : null,
		ratings,
		months: Array.from({ length: 12 }, (_, index) => {
			const row = byMonth.get(index + 1);
			return { month: index + 1, received: Number(row?.received ?? 0), completed: Number(row?.completed ?? 0) };
		})
	};
}

/**
 * Stores the figures when they differ from the stored ones, moving the content version on so that
 * cached pages show them; unchanged figures write nothing.
 */
export async function refreshStatistics(db: Database, now = new Date()): Promise<{ isChanged: boolean }> {
	const figures = await computeStatistics(db, now);
	return db.transaction(async (tx) => {
		const [stored] = await tx.select({ figures: portalStatistics.figures }).from(portalStatistics).where(eq(portalStatistics.id, 1)).for('update');
		// Compared as values: jsonb gives the keys back in its own order.
		if (stored && isDeepStrictEqual(stored.figures, figures)) return { isChanged: false };
		await tx.insert(portalStatistics).values({ id: 1, figures, computedAt: now }).onConflictDoUpdate({ target: portalStatistics.id, set: { figures, computedAt: now } });
		await bumpContentVersion(tx);
		return { isChanged: true };
	});
}

export async function readStatistics(db: Executor): Promise<PortalStatistics | null> {
	const [row] = await db.select({ figures: portalStatistics.figures }).from(portalStatistics).where(eq(portalStatistics.id, 1));
	return row?.figures ?? null;
}

/** The home page's figures, read again only when public content changes. */
export const cachedStatistics = cachedPerContentVersion(readStatistics, { maxEntries: 1 });

/** At start and every `minutes` after, in the background; any instance may do it. */
export function startStatisticsJob(db: Database, minutes: number): () => void {
	const run = () => refreshStatistics(db).catch((error: unknown) => console.warn(`[statistics] could not refresh the home page's figures: ${loggableMessage(error)}`));
	void run();
	const timer = setInterval(() => void run(), minutes * 60_000);
	timer.unref();
	return () => clearInterval(timer);
}
