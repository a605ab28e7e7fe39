import { redirect } from '@sveltejs/kit';
import { APPLICATION_STATUSES, availableActions, type ApplicationStatus } from '#lib/applications/status.ts';
import { waitingTime } from '#lib/applications/waiting-time.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { getDb } from '#lib/server/app-context.ts';
import { listMyApplications } from '#lib/server/applications/list-my-applications.ts';
import { withdrawApplication } from '#lib/server/applications/withdraw-application.ts';
import { runOperation } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

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
		rows: list.rows.map((row) => ({
			...row,
			waiting: waitingTime({ status: row.status, submittedAt: row.submittedAt, termDays: row.service.termDays, pausedSeconds: row.pausedSeconds, clockPausedAt: row.clockPausedAt, now }),
			canWithdraw: availableActions(row.status, 'applicant').includes('withdraw')
		}))
	};
};

/** Where to come back to after an action: the same filter and page (only ever this list). */
function backTo(data: FormData, locale: 'kk' | 'ru' | 'en'): string {
	const back = String(data.get('back') ?? '');
	const list = localizeHref('/applications', { locale });
	return back.startsWith(`${list}?`) && !back.includes('//') ? back : list;
}

export const actions: Actions = {
	withdraw: async (event) => {
		const data = await event.request.formData();
		const number = String(data.get('number') ?? '');
		await runOperation(async () => withdrawApplication(await getDb(), event.locals.user!, { number, ipAddress: event.getClientAddress() }));
		redirect(303, backTo(data, event.locals.locale));
	}
};
