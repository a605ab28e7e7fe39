import { APPLICATION_STATUSES, type ApplicationStatus } from '../../applications/status.ts';

/**
 * What the office queue shows, as read from its address: every value is checked here, so a hand-made
 * query string can only narrow the list, never break it.
 */
export interface QueueFilter {
	/** One status, the open ones (the default: the work still to do), or all sent applications. */
	status: ApplicationStatus | 'open' | 'all';
	serviceId: number | null;
	/** An executor's id, or `none` for the applications nobody has yet. */
	executor: number | 'none' | null;
	isOverdue: boolean;
	/** A number, an IIN/BIN or part of the applicant's name. */
	query: string;
	page: number;
}

export const QUEUE_PAGE_SIZE = 25;
export const MAX_QUEUE_PAGE = 10_000;
const MAX_QUERY_LENGTH = 100;

const positiveId = (value: string | null) => {
	if (!value || !/^\d{1,9}$/.test(value)) return null;
	const id = Number(value);
	return id > 0 ? id : null;
};

export function readQueueFilter(params: URLSearchParams): QueueFilter {
	const status = params.get('status');
	const executor = params.get('executor');
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		status: status === 'all' || (status !== 'draft' && (APPLICATION_STATUSES as readonly string[]).includes(status ?? '')) ? (status as QueueFilter['status']) : 'open',
		serviceId: positiveId(params.get('service')),
		executor: executor === 'none' ? 'none' : positiveId(executor),
		isOverdue: params.get('overdue') === '1',
		// eslint-disable-next-line no-control-regex -- control characters are dropped from the search
		query: (params.get('q') ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_QUERY_LENGTH),
		page: Number.isSafeInteger(page) && page > 0 ? Math.min(page, MAX_QUEUE_PAGE) : 1
	};
}

/** How the search box's text is matched: an application number, an IIN/BIN, or a name. */
export function queueSearchKind(query: string): { kind: 'number' | 'identifier' | 'name'; value: string } | null {
	if (!query) return null;
	if (/^\d+-\d{2}-\d{2}-\d{2}$/.test(query)) return { kind: 'number', value: query };
	const digits = query.replace(/\s/g, '');
	if (/^\d{12}$/.test(digits)) return { kind: 'identifier', value: digits };
	return { kind: 'name', value: query };
}
