import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canUseOffice, isSupervising } from '#lib/server/access/actor.ts';
import { canConsult } from '#lib/server/access/consultant-policy.ts';
import { getDb } from '#lib/server/app-context.ts';
import { AppError, errorMessageKey } from '#lib/server/errors.ts';
import { readFormLists, requestContext } from '#lib/server/http/form.ts';
import { refusalOr, runOperation } from '#lib/server/http/run-operation.ts';
import { assignExecutor } from '#lib/server/office/assign-executor.ts';
import { readTally } from '#lib/server/office/application-tally.ts';
import { listOfficeQueue } from '#lib/server/office/list-office-queue.ts';
import { listProviderExecutors } from '#lib/server/office/list-provider-executors.ts';
import { cachedProvider } from '#lib/server/office/cached-provider.ts';
import { readQueueFilter } from '#lib/server/office/queue-filter.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user;
	// The virtual consultant's staff work in their own queue.
	if (user && canConsult(user)) redirect(303, localizeHref(route.officeConsultant(), { locale: locals.locale }));
	if (!user || !canUseOffice(user)) error(404, 'not_found');
	const filter = readQueueFilter(url.searchParams);
	const assigned = Number.parseInt(url.searchParams.get('assigned') ?? '', 10);
	return runOperation(async () => {
		const db = await getDb();
		// The tally is read once for the counters, the list's total and the executors' open work.
		const tally = readTally(db, user);
		const [queue, executors, services] = await Promise.all([
			listOfficeQueue(db, user, filter, { locale: locals.locale, now: new Date(), tally }),
			isSupervising(user) ? listProviderExecutors(db, user.providerId!, tally) : Promise.resolve([]),
			cachedProvider.services(db, user.providerId!, locals.locale)
		]);
		return { filter, queue, executors, services, canAssign: isSupervising(user), assigned: Number.isSafeInteger(assigned) && assigned > 0 ? assigned : null };
	});
};

export const actions: Actions = {
	/** Gives the ticked applications to the chosen executor, then shows the same list again. */
	assign: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user)) error(404, 'not_found');
		const form = await readFormLists(event.request);
		const numbers = (form.number ?? []).slice(0, 200);
		const executorId = Number.parseInt(form.executor?.[0] ?? '', 10);
		const outcome = await runOperation(async () =>
			refusalOr(async () => assignExecutor(await getDb(), user, { numbers, executorId: Number.isSafeInteger(executorId) ? executorId : 0, ipAddress: requestContext(event).ipAddress }))
		);
		if (outcome instanceof AppError) return fail(outcome.status, { assignError: errorMessageKey(outcome.code), selected: numbers, executor: form.executor?.[0] ?? '' });
		const filter = readQueueFilter(event.url.searchParams);
		redirect(303, localizeHref(route.office({ ...filter, assigned: outcome.assigned.length + outcome.unchanged.length }), { locale: event.locals.locale }));
	}
};
