import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, unionAll } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES, isOpen, isWaitingOnApplicant, type ApplicationStatus } from '../../applications/status.ts';
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
import { countByStatus, countOfFilter, readTally, type TallyRow } from './application-tally.ts';
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

const OPEN_STATUSES = APPLICATION_STATUSES.filter(isOpen);
const FINISHED_STATUSES = APPLICATION_STATUSES.filter((status) => status !== 'draft' && !isOpen(status));
const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

/** Today in Kazakhstan, the day the stored end of a running term is counted from. */
const kazakhstanToday = (now: Date) => sql`${new Date(now.getTime() + KAZAKHSTAN_OFFSET_MS).toISOString().slice(0, 10)}::date`;

/**
 * The queue in three parts, each read in its order from an index of its own (migration 0019): open
 * applications whose clock runs, by the day their term ends; those whose clock stands still, by the
 * days they had left; finished ones, oldest first. Days left are what the waiting-time column shows.
 */
type Part = 'running' | 'paused' | 'finished';

function partsOf(status: QueueFilter['status']): Part[] {
	if (status === 'all') return ['running', 'paused', 'finished'];
	if (status === 'open') return ['running', 'paused'];
	if (!isOpen(status)) return ['finished'];
	return [isWaitingOnApplicant(status) ? 'paused' : 'running'];
}

function partCondition(part: Part, isOverdue: boolean, today: SQL): SQL {
	switch (part) {
		case 'running':
			return isOverdue ? sql`${application.dueOn} < ${today}` : isNotNull(application.dueOn);
		case 'paused':
			return isOverdue ? lt(application.pausedDaysLeft, 0) : isNotNull(application.pausedDaysLeft);
		case 'finished':
			// A finished application is never overdue any more.
			return isOverdue ? sql`false` : inArray(application.status, FINISHED_STATUSES);
	}
}

function filterConditions(filter: QueueFilter): SQL[] {
	const conditions: SQL[] = [];
	if (filter.status === 'open') conditions.push(inArray(application.status, OPEN_STATUSES));
	else if (filter.status !== 'all') conditions.push(eq(application.status, filter.status));
	if (filter.serviceId !== null) conditions.push(eq(application.serviceId, filter.serviceId));
	if (filter.executor === 'none') conditions.push(isNull(application.assignedExecutorId));
	else if (filter.executor !== null) conditions.push(eq(application.assignedExecutorId, filter.executor));
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

interface PageQuery {
	where: SQL | undefined;
	parts: Part[];
	isOverdue: boolean;
	isByName: boolean;
	now: Date;
	page: number;
}

/**
 * The ids of one page in the list's order: each part gives at most as many rows as reach the end
 * of the page, read in its own order, and the page is cut from their union. Over a large queue no
 * part sorts more than that many rows, whatever the number of applications.
 */
function pageIds(db: Executor, query: PageQuery) {
	const today = kazakhstanToday(query.now);
	const reach = query.page * QUEUE_PAGE_SIZE;
	const partRows = query.parts.map((part) => {
		const order = { running: sql`${application.dueOn} - ${today}`, paused: sql`${application.pausedDaysLeft}`, finished: sql`null::integer` }[part];
		const sortKey = part === 'running' ? application.dueOn : part === 'paused' ? application.pausedDaysLeft : null;
		let rows = db
			.select({ id: application.id, daysLeft: sql<number | null>`${order}`.as('days_left'), submittedAt: application.submittedAt })
			.from(application)
			.$dynamic();
		if (query.isByName) rows = rows.innerJoin(applicant, eq(applicant.id, application.applicantUserId));
		return rows
			.where(and(query.where, partCondition(part, query.isOverdue, today)))
			.orderBy(...(sortKey ? [asc(sortKey)] : []), asc(application.submittedAt), asc(application.id))
			.limit(reach);
	});
	const [first, second, ...rest] = partRows;
	return (second ? unionAll(first!, second, ...rest) : first!).as('page_ids');
}

function readPage(db: Executor, actor: Actor, query: PageQuery) {
	const ids = pageIds(db, query);
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
		.from(ids)
		.innerJoin(application, eq(application.id, ids.id))
		.innerJoin(service, eq(service.id, application.serviceId))
		.innerJoin(applicant, eq(applicant.id, application.applicantUserId))
		.leftJoin(executor, eq(executor.id, application.assignedExecutorId))
		.leftJoin(applicationReadMark, and(eq(applicationReadMark.applicationId, application.id), eq(applicationReadMark.userId, actor.id)))
		.orderBy(sql`${ids.daysLeft} asc nulls last`, asc(ids.submittedAt), asc(ids.id))
		.limit(QUEUE_PAGE_SIZE)
		.offset((query.page - 1) * QUEUE_PAGE_SIZE);
}

/**
 * The office's list: the applications this person reaches (`officeScope`: the provider's for a
 * supervisor, their own for an executor), narrowed by the filter, the least time left first (overdue
 * at the top), then the oldest; finished ones after the open ones.
 */
export async function listOfficeQueue(db: Executor, actor: Actor, filter: QueueFilter, options: { locale: Locale; now: Date; tally?: Promise<TallyRow[]> }): Promise<OfficeQueue> {
	const today = kazakhstanToday(options.now);
	const where = and(officeScope(actor), ...filterConditions(filter));
	const parts = partsOf(filter.status);
	// Only a search by name reads the applicant's columns.
	const isByName = queueSearchKind(filter.query)?.kind === 'name';
	const pageQuery = (page: number): PageQuery => ({ where, parts, isOverdue: filter.isOverdue, isByName, now: options.now, page });
	let counted = db.select({ total: count() }).from(application).$dynamic();
	if (isByName) counted = counted.innerJoin(applicant, eq(applicant.id, application.applicantUserId));
	const overdue = filter.isOverdue ? or(...parts.map((part) => partCondition(part, true, today))) : undefined;

	// The first page needs no total to be found, so it is read alongside the counts; another page
	// waits for the total, which may move it back to the last page there is.
	// The counters, and the total of a filter by status, service or executor only, come from the
	// tally: a sum over a few rows, however many applications there are.
	const [tally, firstPage] = await Promise.all([options.tally ?? readTally(db, actor), filter.page === 1 ? readPage(db, actor, pageQuery(1)) : null]);
	const counts = countByStatus(tally);
	const total = countOfFilter(tally, filter) ?? (await counted.where(and(where, overdue)))[0]?.total ?? 0;
	const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
	const page = Math.min(filter.page, pageCount);
	const rows = firstPage ?? (await readPage(db, actor, pageQuery(page)));

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
