import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../applications/status.ts';
import type { Locale } from '../../i18n/localized.ts';
import type { SessionUser } from '../accounts/session.ts';
import { provider, service } from '../catalog/schema.ts';
import { show, type ShownText } from '../catalog/localize.ts';
import type { Executor } from '../db/client.ts';
import { preparedPerDatabase } from '../db/prepared.ts';
import { isApplicant } from '../access/actor.ts';
import { cabinetScope } from '../access/application-policy.ts';
import { application, applicationReadMark } from './schema.ts';

export const APPLICATIONS_PAGE_SIZE = 20;
const MAX_PAGE = 100_000;

export interface MyApplicationRow {
	number: string;
	status: ApplicationStatus;
	createdAt: Date;
	submittedAt: Date | null;
	service: { slug: string; title: ShownText; termDays: number };
	executor: ShownText;
	pausedSeconds: number;
	clockPausedAt: Date | null;
	hasMessages: boolean;
	hasUnread: boolean;
}

/**
 * One page of the list with the total, in one statement. The page is taken from the applications
 * alone (the index on the owner and the order) and only its rows are joined to their service,
 * provider and read mark; the total is counted from the index beside it, so a person with hundreds
 * of applications costs little more than one with a few.
 */
function buildListQuery(db: Executor, kind: SessionUser['kind'], hasStatus: boolean) {
	const userId = sql.placeholder('userId');
	// The cabinet's rule for an applicant whose id and login are bound at each call.
	const applicant = { role: 'applicant', kind, id: userId as unknown as number, login: sql.placeholder('login') as unknown as string, providerId: null } as const;
	const where = and(cabinetScope(applicant), hasStatus ? eq(application.status, sql.placeholder('status')) : undefined);
	const mine = db
		.select({
			id: application.id,
			serviceId: application.serviceId,
			number: application.number,
			status: application.status,
			createdAt: application.createdAt,
			submittedAt: application.submittedAt,
			pausedSeconds: application.pausedSeconds,
			clockPausedAt: application.clockPausedAt,
			lastMessageId: application.lastMessageId
		})
		.from(application)
		.where(where)
		.orderBy(desc(application.createdAt), desc(application.id))
		.limit(APPLICATIONS_PAGE_SIZE)
		.offset(sql.placeholder('offset'))
		.as('mine');
	const counted = db.select({ total: count() }).from(application).where(where);
	return db
		.select({
			total: sql<number>`(${counted})`.mapWith(Number),
			number: mine.number,
			status: mine.status,
			createdAt: mine.createdAt,
			submittedAt: mine.submittedAt,
			pausedSeconds: mine.pausedSeconds,
			clockPausedAt: mine.clockPausedAt,
			lastMessageId: mine.lastMessageId,
			lastReadMessageId: applicationReadMark.lastReadMessageId,
			serviceSlug: service.slug,
			serviceTitle: service.title,
			termDays: service.termDays,
			providerName: sql<Record<string, string>>`coalesce(${provider.shortName}, ${provider.name})`
		})
		.from(mine)
		.innerJoin(service, eq(service.id, mine.serviceId))
		.innerJoin(provider, eq(provider.id, service.providerId))
		.leftJoin(applicationReadMark, and(eq(applicationReadMark.applicationId, mine.id), eq(applicationReadMark.userId, userId)))
		.orderBy(desc(mine.createdAt), desc(mine.id))
		.prepare(`my_applications_${kind}${hasStatus ? '_of_status' : ''}`);
}

// Built once per database: the list is the cabinet's most viewed page.
const listQueries = {
	individual: { all: preparedPerDatabase((db) => buildListQuery(db, 'individual', false)), ofStatus: preparedPerDatabase((db) => buildListQuery(db, 'individual', true)) },
	legal_entity: { all: preparedPerDatabase((db) => buildListQuery(db, 'legal_entity', false)), ofStatus: preparedPerDatabase((db) => buildListQuery(db, 'legal_entity', true)) }
};

/** My applications: newest first, a page at a time, optionally of one status. */
export async function listMyApplications(
	db: Executor,
	user: SessionUser,
	input: { status?: ApplicationStatus | null; page: number; locale: Locale }
): Promise<{ rows: MyApplicationRow[]; total: number; page: number; pageCount: number }> {
	// A typed page number far past any list must not overflow the query's offset.
	const requestedPage = Math.min(Math.max(1, Math.floor(input.page) || 1), MAX_PAGE);
	// Staff keep no cabinet: nothing is theirs here.
	if (!isApplicant(user)) return { rows: [], total: 0, page: 1, pageCount: 1 };
	const status = input.status ?? null;
	const query = listQueries[user.kind][status ? 'ofStatus' : 'all'](db);
	const pageRows = (page: number) => query.execute({ userId: user.id, login: user.login, status, offset: (page - 1) * APPLICATIONS_PAGE_SIZE });
	let rows = await pageRows(requestedPage);
	let total = rows[0]?.total ?? 0;
	if (rows.length === 0 && requestedPage > 1) {
		// Past the last page (an old link, a deleted draft): count, then show the last page there is.
		const [counted] = await db
			.select({ total: count() })
			.from(application)
			.where(and(cabinetScope(user), status ? eq(application.status, status) : undefined));
		total = counted?.total ?? 0;
		if (total > 0) rows = await pageRows(Math.ceil(total / APPLICATIONS_PAGE_SIZE));
	}
	const pageCount = Math.max(1, Math.ceil(total / APPLICATIONS_PAGE_SIZE));
	const page = Math.min(requestedPage, pageCount);
	return {
		total,
		page,
		pageCount,
		rows: rows.map((row) => ({
			number: row.number,
			status: row.status,
			createdAt: row.createdAt,
			submittedAt: row.submittedAt,
			service: { slug: row.serviceSlug, title: show(row.serviceTitle, input.locale), termDays: row.termDays },
			executor: show(row.providerName, input.locale),
			pausedSeconds: row.pausedSeconds,
			clockPausedAt: row.clockPausedAt,
			hasMessages: row.lastMessageId !== null,
			hasUnread: row.lastMessageId !== null && row.lastMessageId > (row.lastReadMessageId ?? 0)
		}))
	};
}
