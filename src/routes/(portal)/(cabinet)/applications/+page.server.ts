import { APPLICATION_STATUSES, availableActions, type ApplicationStatus } from '#lib/applications/status.ts';
import { waitingTime } from '#lib/applications/waiting-time.ts';
import { getDb } from '#lib/server/app-context.ts';
import { listMyApplications } from '#lib/server/applications/list-my-applications.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { PageServerLoad } from './$types';

const isStatus = (value: string | null): value is ApplicationStatus => !!value && (APPLICATION_STATUSES as readonly string[]).includes(value);

export const load: PageServerLoad = async ({ locals, url }) => {
	const requested = url.searchParams.get('status');
	const status = isStatus(requested) ? requested : null;
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1;
	const list = await runOperation(async () => listMyApplications(await getDb(), locals.user!, { status, page, locale: locals.locale }));
	const now = new Date();
	const deleted = url.searchParams.get('deleted');
	return {
		...list,
		status,
		// Only a number-shaped value is echoed back in the confirmation.
		deleted: deleted && /^\d+-\d{2}-\d{2}-\d{2}$/.test(deleted) ? deleted : null,
		// What the table shows, no more: page data is serialised on every view even where no script reads it.
		rows: list.rows.map((row) => ({
			number: row.number,
			status: row.status,
			submittedAt: row.submittedAt,
			service: { title: row.service.title },
			executor: row.executor,
			hasMessages: row.hasMessages,
			hasUnread: row.hasUnread,
			waiting: waitingTime({ status: row.status, submittedAt: row.submittedAt, termDays: row.service.termDays, pausedSeconds: row.pausedSeconds, clockPausedAt: row.clockPausedAt, now }),
			canWithdraw: availableActions(row.status, 'applicant').includes('withdraw')
		}))
	};
};

