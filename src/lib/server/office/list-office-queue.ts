import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES, isOpen, type ApplicationStatus } from '../../applications/status.ts';
import type { QueueRow } from '../../applications/queue-row.ts';
import { waitingTime } from '../../applications/waiting-time.ts';
import type { Locale } from '../../i18n/localized.ts';
import type { Actor } from '../access/actor.ts';
import { officeScope } from '../access/application-policy.ts';
import { userAccount } from '../accounts/schema.ts';
import { application, applicationReadMark } from '../applications/schema.ts';
import { show } from '../catalog/localize.ts';
import { service } from '../catalog/schema.ts';
import { escapeLike } from '../catalog/search-text.ts';
import type { Executor } from '../db/client.ts';
import { tallyByStatus, tallyOfFilter } from './application-tally.ts';
import { QUEUE_PAGE_SIZE, queueSearchKind, type QueueFilter } from './queue-filter.ts';

export type { QueueRow };

export interface OfficeQueue {
	rows: QueueRow[];
	total: number;
	page: number;
	pageCount: number;
	/** Applications per status in everything this person reaches, for the counters above the list. */
	counts: Record<ApplicationStatus, number>;
}

const applicant = alias(userAccount, 'applicant');
const executor = alias(userAccount, 'executor');

const KAZAKHSTAN_OFFSET_SECONDS = 5 * 60 * 60;
const OPEN_STATUSES = APPLICATION_STATUSES.filter(isOpen);

/**
 * The Kazakhstan calendar day of a timestamp, as the waiting-time column counts days: a date, so
 * that a difference of two is a whole number of days in integer arithmetic. (The same day as
 * floor((epoch + offset) / 86400), which in numeric arithmetic cost most of the sort's time over
 * a large queue.)
 */
const kazakhstanDay = (instant: SQL) => sql`((${instant}) at time zone 'UTC' + ${sql.raw(`interval '${KAZAKHSTAN_OFFSET_SECONDS} seconds'`)})::date`;

/**
 * Days left in the service's term for an open application (negative when overdue), the clock stopped
 * during pauses, exactly as `waitingTime` counts them; null for finished ones. The queue sorts on it.
 */
function daysLeft(now: Date): SQL<number | null> {
	const clockNow = sql`coalesce(${application.clockPausedAt}, ${now.toISOString()}::timestamptz)`;
	// paused_seconds is an integer: dividing it is already the floor of its whole days.
	const elapsed = sql`${kazakhstanDay(clockNow)} - ${kazakhstanDay(sql`${application.submittedAt}`)} - ${application.pausedSeconds} / 86400`;
	return sql<number | null>`case when ${inArray(application.status, OPEN_STATUSES)} then ${service.termDays} - greatest(0, ${elapsed}) end`;
}

function filterConditions(filter: QueueFilter, now: Date): SQL[] {
	const conditions: SQL[] = [];
	if (filter.status === 'open') conditions.push(inArray(application.status, OPEN_STATUSES));
	else if (filter.status !== 'all') conditions.push(eq(application.status, filter.status));
	if (filter.serviceId !== null) conditions.push(eq(application.serviceId, filter.serviceId));
	if (filter.executor === 'none') conditions.push(isNull(application.assignedExecutorId));
	else if (filter.executor !== null) conditions.push(eq(application.assignedExecutorId, filter.executor));
	if (filter.isOverdue) conditions.push(sql`${daysLeft(now)} < 0`);
	const search = queueSearchKind(filter.query);
	if (search?.kind === 'number') conditions.push(eq(application.number, search.value));
	// The applicant as a value looked up first (logins are unique), not a column of the joined row:
	// both halves can then use an index of the application table, instead of a join of all of it.
	if (search?.kind === 'identifier') {
		const applicantId = sql`(select ${userAccount.id} from ${userAccount} where ${userAccount.login} = ${search.value})`;
		conditions.push(or(eq(application.organisationBin, search.value), eq(application.applicantUserId, applicantId))!);
	}
	if (search?.kind === 'name') {
		const pattern = `%${escapeLike(search.value)}%`;
		const fullName = sql`${applicant.lastName} || ' ' || ${applicant.firstName} || coalesce(' ' || ${applicant.patronymic}, '')`;
		conditions.push(or(ilike(fullName, pattern), ilike(applicant.organisationName, pattern))!);
	}
	return conditions;
}

/**
 * One page of the list in its order. Over a large queue most of the cost is in what every matching
 * row goes through: the page is chosen from the application table alone (with the service, for
 * its term), narrow rows sorted, and only its rows are then joined to the people shown.
 */
function readPage(db: Executor, actor: Actor, query: { where: SQL | undefined; left: SQL<number | null>; isByName: boolean; page: number }) {
	let chosen = db
		.select({ id: application.id, daysLeft: sql<number | null>`${query.left}`.as('days_left') })
		.from(application)
		.innerJoin(service, eq(service.id, application.serviceId))
		.$dynamic();
	if (query.isByName) chosen = chosen.innerJoin(applicant, eq(applicant.id, application.applicantUserId));
	const pageIds = chosen
		.where(query.where)
		.orderBy(sql`${query.left} asc nulls last`, asc(application.submittedAt), asc(application.id))
		.limit(QUEUE_PAGE_SIZE)
		.offset((query.page - 1) * QUEUE_PAGE_SIZE)
		.as('page_ids');
	return db
		.select({
			number: application.number,
			status: application.status,
			submittedAt: application.submittedAt,
			pausedSeconds: application.pausedSeconds,
			clockPausedAt: application.clockPausedAt,
			lastMessageId: application.lastMessageId,
			serviceTitle: service.title,
			termDays: service.termDays,
			applicantLastName: applicant.lastName,
			applicantFirstName: applicant.firstName,
			applicantOrganisation: applicant.organisationName,
			applicantLogin: applicant.login,
			organisationBin: application.organisationBin,
			executorId: executor.id,
			executorLastName: executor.lastName,
			executorFirstName: executor.firstName,
			lastReadMessageId: applicationReadMark.lastReadMessageId
		})
		.from(pageIds)
		.innerJoin(application, eq(application.id, pageIds.id))
		.innerJoin(service, eq(service.id, application.serviceId))
		.innerJoin(applicant, eq(applicant.id, application.applicantUserId))
		.leftJoin(executor, eq(executor.id, application.assignedExecutorId))
		.leftJoin(applicationReadMark, and(eq(applicationReadMark.applicationId, application.id), eq(applicationReadMark.userId, actor.id)))
		.orderBy(sql`${pageIds.daysLeft} asc nulls last`, asc(application.submittedAt), asc(application.id));
}

/**
 * The office's list: the applications this person reaches (`officeScope`: the provider's for a
 * supervisor, their own for an executor), narrowed by the filter, the least time left first (overdue
 * at the top), then the oldest; finished ones after the open ones.
 */
export async function listOfficeQueue(db: Executor, actor: Actor, filter: QueueFilter, options: { locale: Locale; now: Date }): Promise<OfficeQueue> {
	const scope = officeScope(actor);
	const where = and(scope, ...filterConditions(filter, options.now));
	const left = daysLeft(options.now);
	// Only a search by name reads the applicant's columns; only the overdue filter, the service's term.
	const isByName = queueSearchKind(filter.query)?.kind === 'name';
	let counted = db.select({ total: count() }).from(application).$dynamic();
	if (filter.isOverdue) counted = counted.innerJoin(service, eq(service.id, application.serviceId));
	if (isByName) counted = counted.innerJoin(applicant, eq(applicant.id, application.applicantUserId));

	// The first page needs no total to be found, so it is read alongside the counts; another page
	// waits for the total, which may move it back to the last page there is.
	// The counters, and the total of a filter by status, service or executor only, come from the
	// tally: a sum over a few rows, however many applications there are.
	const [tallied, counts, firstPage] = await Promise.all([
		tallyOfFilter(db, actor, filter),
		tallyByStatus(db, actor),
		filter.page === 1 ? readPage(db, actor, { where, left, isByName, page: 1 }) : null
	]);
	const total = tallied ?? (await counted.where(where))[0]?.total ?? 0;
	const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
	const page = Math.min(filter.page, pageCount);
	const rows = firstPage ?? (await readPage(db, actor, { where, left, isByName, page }));

	return {
		total,
		page,
		pageCount,
		counts,
		rows: rows.map((row) => ({
			number: row.number,
			status: row.status,
			submittedAt: row.submittedAt,
			service: show(row.serviceTitle, options.locale),
			applicant: {
				name: row.organisationBin && row.applicantOrganisation ? row.applicantOrganisation : `${row.applicantLastName} ${row.applicantFirstName}`,
				identifier: row.organisationBin ?? row.applicantLogin
			},
			executor: row.executorId === null ? null : { id: row.executorId, name: `${row.executorLastName} ${row.executorFirstName}` },
			waiting: waitingTime({ status: row.status, submittedAt: row.submittedAt, termDays: row.termDays, pausedSeconds: row.pausedSeconds, clockPausedAt: row.clockPausedAt, now: options.now }),
			hasUnread: row.lastMessageId !== null && row.lastMessageId > (row.lastReadMessageId ?? 0)
		}))
	};
}
