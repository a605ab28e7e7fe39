import { redirect } from '@sveltejs/kit';
import { availableActions } from '#lib/applications/status.ts';
import { messageByKey } from '#lib/i18n/message-by-key.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { getDb } from '#lib/server/app-context.ts';
import { getApplicationForm } from '#lib/server/applications/get-application-form.ts';
import { readThread } from '#lib/server/applications/read-thread.ts';
import { withdrawApplication } from '#lib/server/applications/withdraw-application.ts';
import { runOperation } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = locals.user!;
	const db = await getDb();
	const form = await runOperation(() => getApplicationForm(db, user, params.number, locals.locale));
	if (form.status === 'draft') {
		// A draft is worked on step by step, starting where something is still missing.
		const next = form.statuses.find((status) => !status.isComplete) ?? form.statuses[0]!;
		redirect(303, localizeHref(`/applications/${form.number}/steps/${next.key}`, { locale: locals.locale }));
	}
	const thread = await runOperation(() => readThread(db, user, params.number, locals.locale));
	// Status names are given as text: this page's script carries no message catalogue.
	const timeline = thread.timeline.map((entry) => ({ ...entry, statusText: messageByKey(`status_${entry.toStatus}`) }));
	const results = form.results.map((result) => ({ ...result, kindText: messageByKey(`result_document_${result.kind}`) }));
	return { form, results, thread: { ...thread, timeline }, statusText: messageByKey(`status_${form.status}`), canWithdraw: availableActions(form.status, 'applicant').includes('withdraw'), isJustSent: url.searchParams.has('sent') };
};

export const actions: Actions = {
	withdraw: async (event) => {
		const { params, locals } = event;
		await runOperation(async () => withdrawApplication(await getDb(), locals.user!, { number: params.number, ipAddress: event.getClientAddress() }));
		redirect(303, localizeHref(`/applications/${params.number}`, { locale: locals.locale }));
	}
};
