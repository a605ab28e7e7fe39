import { fail, redirect } from '@sveltejs/kit';
import { availableActions } from '#lib/applications/status.ts';
import { pickLocalized } from '#lib/i18n/localized.ts';
import { messageByKey } from '#lib/i18n/message-by-key.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { getApplicationForm } from '#lib/server/applications/get-application-form.ts';
import { markThreadRead, readThread } from '#lib/server/applications/read-thread.ts';
import { readFormFields } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { postThreadMessage } from '#lib/server/http/thread-message.ts';
import { findSurvey } from '#lib/server/survey/find-rating.ts';
import { rateService } from '#lib/server/survey/rate-service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = locals.user!;
	const db = await getDb();
	const form = await runOperation(() => getApplicationForm(db, user, params.number, locals.locale));
	if (form.status === 'draft') {
		// A draft is worked on step by step, starting where something is still missing.
		const next = form.statuses.find((status) => !status.isComplete) ?? form.statuses[0]!;
		redirect(303, localizeHref(route.applicationStep(form.number, next.key), { locale: locals.locale }));
	}
	const thread = await runOperation(() => readThread(db, user, params.number, locals.locale));
	// This page shows the whole thread: opening it is reading it, up to the newest message shown.
	const newestShown = thread.messages.at(-1)?.id;
	if (newestShown !== undefined) await runOperation(() => markThreadRead(db, user, params.number, newestShown));
	// Status names are given as text: this page's script carries no message catalogue.
	const timeline = thread.timeline.map((entry) => ({ ...entry, statusText: messageByKey(`status_${entry.toStatus}`) }));
	const results = form.results.map((result) => ({ ...result, kindText: messageByKey(`result_document_${result.kind}`) }));
	// A refusal is the end of the application: its reason is shown at the top, not only in the thread.
	const decision = form.status === 'rejected' ? (thread.messages.findLast((message) => message.event === 'application.rejected')?.text ?? null) : null;
	// Returned: what to fix and the steps it concerns, with the way back into them.
	const correction =
		form.status === 'returned'
			? {
					text: thread.messages.findLast((message) => message.event === 'application.returned')?.text ?? '',
					steps: form.steps.filter((step) => form.correctionSteps.includes(step.key)).map((step) => ({ key: step.key, title: pickLocalized(step.title, locals.locale) }))
				}
			: null;
	// Completed: the quality survey, once; afterwards the score that was given.
	const survey = form.status === 'completed' ? await runOperation(() => findSurvey(db, user, params.number)) : null;
	return { form, results, decision, correction, survey, thread: { ...thread, timeline }, statusText: messageByKey(`status_${form.status}`), canWithdraw: availableActions(form.status, 'applicant').includes('withdraw'), isJustSent: url.searchParams.has('sent'), isJustSigned: url.searchParams.has('signed') };
};


export const actions: Actions = {
	/** The quality survey's answers; the page then thanks the applicant with their score. */
	rate: async (event) => {
		const fields = await readFormFields(event.request);
		const outcome = await runOperation(async () => rateService(await getDb(), event.locals.user!, { number: event.params.number, answers: fields, comment: fields.comment ?? '' }));
		if (outcome.status === 'invalid') return fail(400, { surveyErrors: outcome.errors, surveyValues: fields });
		redirect(303, localizeHref(route.application(event.params.number), { locale: event.locals.locale }));
	},

	/** A message to the executor; the page shows the thread again with it. */
	message: async (event) => {
		const { outcome, text, field } = await postThreadMessage(event, event.locals.user!, 'cabinet');
		if (outcome.status === 'invalid') return fail(400, { messageError: messageByKey(outcome.error), messageField: field, text });
		redirect(303, localizeHref(route.application(event.params.number, { hash: 'messages' }), { locale: event.locals.locale }));
	}
};
