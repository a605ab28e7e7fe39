import { redirect } from '@sveltejs/kit';
import { availableActions } from '#lib/applications/status.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { getApplicationForm } from '#lib/server/applications/get-application-form.ts';
import { withdrawApplication } from '#lib/server/applications/withdraw-application.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad } from './$types';

/** Withdrawing asks once more: a withdrawn application cannot be sent again, only ordered anew. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const form = await runOperation(async () => getApplicationForm(await getDb(), locals.user!, params.number, locals.locale));
	if (!availableActions(form.status, 'applicant').includes('withdraw')) redirect(303, localizeHref(route.application(form.number), { locale: locals.locale }));
	return { number: form.number, service: form.service };
};

export const actions: Actions = {
	default: async (event) => {
		const { params, locals } = event;
		await runOperation(async () => withdrawApplication(await getDb(), locals.user!, { number: params.number, ipAddress: event.getClientAddress() }));
		redirect(303, localizeHref(route.application(params.number), { locale: locals.locale }));
	}
};
