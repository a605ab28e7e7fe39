import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canConsult } from '#lib/server/access/consultant-policy.ts';
import { getDb } from '#lib/server/app-context.ts';
import { setDuty } from '#lib/server/consultant/consultant-duty.ts';
import { listConsultantQueue } from '#lib/server/consultant/list-consultant-queue.ts';
import { takeConversation } from '#lib/server/consultant/take-conversation.ts';
import { AppError, errorMessageKey } from '#lib/server/errors.ts';
import { readFormFields } from '#lib/server/http/form.ts';
import { refusalOr, runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function consultant(event: Pick<RequestEvent, 'locals'>) {
	const user = event.locals.user;
	if (!user || !canConsult(user)) error(404, 'not_found');
	return user;
}

export const load: PageServerLoad = async (event) => {
	const user = consultant(event);
	const now = new Date();
	const queue = await runOperation(async () => listConsultantQueue(await getDb(), user, now));
	return { queue, now: now.toISOString() };
};

export const actions: Actions = {
	duty: async (event) => {
		const user = consultant(event);
		const fields = await readFormFields(event.request);
		await runOperation(async () => setDuty(await getDb(), user, fields.duty === 'on'));
		redirect(303, localizeHref(route.officeConsultant(), { locale: event.locals.locale }));
	},
	take: async (event) => {
		const user = consultant(event);
		const fields = await readFormFields(event.request);
		const id = fields.id ?? '';
		const outcome = await runOperation(() => refusalOr(async () => takeConversation(await getDb(), user, id)));
		if (outcome instanceof AppError) return fail(outcome.status, { error: errorMessageKey(outcome.code) });
		redirect(303, localizeHref(route.officeConsultantConversation(id), { locale: event.locals.locale }));
	}
};
