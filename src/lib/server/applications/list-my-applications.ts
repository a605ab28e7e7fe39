import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../applications/status.ts';
import type { Locale } from '../../i18n/localized.ts';
import type { SessionUser } from '../accounts/session.ts';
import { provider, service } from '../catalog/schema.ts';
import { show, type ShownText } from '../catalog/localize.ts';
import type { Executor } from '../db/client.ts';
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

/** My applications: newest first, a page at a time, optionally of one status. */
export async function listMyApplications(
	db: Executor,
	user: SessionUser,
	input: { status?: ApplicationStatus | null; page: number; locale: Locale }
): Promise<{ rows: MyApplicationRow[]; total: number; page: number; pageCount: number }> {
	const where = and(cabinetScope(user), input.status ? eq(application.status, input.status) : undefined);
	// A typed page number far past any list must not overflow the query's offset.
	const requestedPage = Math.min(Math.max(1, Math.floor(input.page) || 1), MAX_PAGE);
	const pageRows = (page: number) =>
		db
			.select({
				// The total comes with the page in one round trip: on a busy server each query's network
				// exchange costs more than counting a person's applications.
				total: sql<number>`count(*) over ()`.mapWith(Number),
				number: application.number,
				status: application.status,
				createdAt: application.createdAt,
				submittedAt: application.submittedAt,
				pausedSeconds: application.pausedSeconds,
				clockPausedAt: application.clockPausedAt,
				lastMessageId: application.lastMessageId,
				lastReadMessageId: applicationReadMark.lastReadMessageId,
				serviceSlug: service.slug,
				serviceTitle: service.title,
				termDays: service.termDays,
				providerName: sql<Record<string, string>>`coalesce(${provider.shortName}, ${provider.name})`
			})
			.from(application)
			.innerJoin(service, eq(service.id, application.serviceId))
			.innerJoin(provider, eq(provider.id, service.providerId))
			.leftJoin(applicationReadMark, and(eq(applicationReadMark.applicationId, application.id), eq(applicationReadMark.userId, user.id)))
			.where(where)
			.orderBy(desc(application.createdAt), desc(application.id))
			.limit(APPLICATIONS_PAGE_SIZE)
			.offset((page - 1) * APPLICATIONS_PAGE_SIZE);
	let rows = await pageRows(requestedPage);
	let total = rows[0]?.total ?? 0;
	if (rows.length === 0 && requestedPage > 1) {
		// Past the last page (an old link, a deleted draft): count, then show the last page there is.
		const [counted] = await db.select({ total: count() }).from(application).where(where);
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
