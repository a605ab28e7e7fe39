import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { validateStep } from '#lib/applications/validate-step.ts';
import type { Locale } from '#lib/i18n/localized.ts';
import { messageByKey } from '#lib/i18n/message-by-key.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { fieldId } from '#lib/components/applications/field-names.ts';
import { getDb } from '#lib/server/app-context.ts';
import { attachStepFiles } from '#lib/server/applications/attach-step-files.ts';
import { findOwnStep, isStepEditable } from '#lib/server/applications/find-own-application.ts';
import { getApplicationForm } from '#lib/server/applications/get-application-form.ts';
import { postStepForm, type StepFormOutcome } from '#lib/server/applications/post-step-form.ts';
import { AppError, errorMessageKey } from '#lib/server/errors.ts';
import { getFileServices } from '#lib/server/files/get-file-services.ts';
import { receiveForm } from '#lib/server/files/receive-form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = locals.user!;
	const form = await runOperation(async () => getApplicationForm(await getDb(), user, params.number, locals.locale));
	const step = form.steps.find((candidate) => candidate.key === params.step);
	if (!step) error(404, 'application.step_not_found');
	// A sent application is read on its own page; a returned one opens here only the steps to fix.
	if (!isStepEditable({ status: form.status, correctionSteps: form.correctionSteps }, step.key)) redirect(303, localizeHref(route.application(form.number), { locale: locals.locale }));
	const values = form.answers[step.key] ?? {};
	const saved = url.searchParams.get('saved');
	// After Save (or a refused Send) the stored answers are checked again to show what is missing;
	// what was typed is stored as typed, so the same problems come back.
	const isChecked = saved !== null || url.searchParams.has('check');
	const errors = isChecked ? validateStep(step, values).errors : {};
	const status = form.statuses.find((s) => s.key === step.key)!;
	const documentErrors: Record<string, string> = {};
	if (isChecked) for (const key of status.missingDocuments) documentErrors[key] = 'error_document_missing';
	const incompleteSteps = (url.searchParams.get('incomplete') ?? '').split(',').filter((key) => form.steps.some((s) => s.key === key));
	return {
		form,
		step,
		values,
		errors: toTexts(errors),
		documentErrors: toTexts(documentErrors),
		sessionIdleSeconds: locals.sessionIdleSeconds,
		modal: saved === null ? null : status.isComplete ? ('saved' as const) : ('incomplete' as const),
		incompleteSteps
	};
};

/**
 * Problems go to the page as text in the visitor's language, so the page's script need not carry
 * the whole message catalogue to translate codes.
 */
const toTexts = (problems: Record<string, string>) => Object.fromEntries(Object.entries(problems).map(([key, code]) => [key, messageByKey(code)]));

async function receiveStepForm(event: RequestEvent<{ number: string; step: string }>) {
	const user = event.locals.user!;
	const db = await getDb();
	// Nobody but the owner gets as far as sending a body to the disk.
	const target = await runOperation(() => findOwnStep(db, user, event.params.number, event.params.step));
	const files = getFileServices();
	try {
		return { ...target, ...(await receiveForm(event.request, { maxFileBytes: files.maxUploadBytes, tempDirectory: files.tempDirectory })) };
	} catch (cause) {
		if (cause instanceof AppError) return fail(cause.status, { uploadError: messageByKey(errorMessageKey(cause.code)) });
		throw cause;
	}
}

/** Where the browser goes after the step form was posted: the page it shows, its flags and fragment. */
function locationAfter(outcome: Exclude<StepFormOutcome, { status: 'document_problems' }>, target: { number: string; stepKey: string; locale: Locale }): string {
	const { number, stepKey, locale } = target;
	const step = (options: Parameters<typeof route.applicationStep>[2] = {}) => localizeHref(route.applicationStep(number, stepKey, options), { locale });
	const sent = (options: Parameters<typeof route.application>[1] = {}) => localizeHref(route.application(number, options), { locale });
	switch (outcome.status) {
		case 'saved':
			return step({ saved: true });
		case 'row_added':
			return outcome.tableKey === null ? step() : step({ hash: fieldId(outcome.tableKey) });
		case 'document_removed':
			return step({ hash: 'documents' });
		case 'incomplete':
			return step({ check: true, incomplete: outcome.stepKeys, hash: 'send-problems' });
		case 'submitted':
			return sent({ sent: true });
		case 'already_sent':
			return outcome.wasSend ? sent({ sent: true }) : sent();
	}
}

export const actions: Actions = {
	/**
	 * The step's one form: Save, «Add a row», removing a file and Send all post it, so whatever
	 * was typed is saved first, whichever button was pressed.
	 */
	save: async (event) => {
		const { params, locals } = event;
		const received = await receiveStepForm(event);
		if (!('step' in received)) return received;
		const { storage, scanner } = getFileServices();
		const input = { number: params.number, stepKey: received.step.key, fields: received.fields, files: received.files, ipAddress: event.getClientAddress() };
		const outcome = await runOperation(async () => postStepForm(await getDb(), { storage, scanner }, locals.user!, input));
		if (outcome.status === 'document_problems') {
			const documentErrors = Object.fromEntries(Object.entries(outcome.documentErrors).map(([key, code]) => [key, errorMessageKey(code)]));
			return fail(400, { documentErrors: toTexts(documentErrors), errors: toTexts(outcome.errors) });
		}
		redirect(303, locationAfter(outcome, { number: params.number, stepKey: received.step.key, locale: locals.locale }));
	},

	/** One file at a time, sent by the page's script with a progress bar. */
	upload: async (event) => {
		const received = await receiveStepForm(event);
		if (!('step' in received)) return received;
		const { storage, scanner } = getFileServices();
		const input = { number: event.params.number, files: received.files, fields: received.fields, ipAddress: event.getClientAddress() };
		const documentErrors = await runOperation(async () => attachStepFiles(await getDb(), { storage, scanner }, event.locals.user!, input));
		const [problem] = Object.values(documentErrors);
		if (problem) return fail(400, { uploadError: messageByKey(errorMessageKey(problem)) });
		if (received.files.length === 0) return fail(400, { uploadError: messageByKey('error_file_missing') });
		return { uploaded: received.files.length };
	}
};
