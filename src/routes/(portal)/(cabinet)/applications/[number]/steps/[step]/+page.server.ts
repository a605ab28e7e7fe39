import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { answersFromForm } from '#lib/applications/answers-from-form.ts';
import { validateStep } from '#lib/applications/validate-step.ts';
import { hasMessage, messageByKey } from '#lib/i18n/message-by-key.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { getDb } from '#lib/server/app-context.ts';
import { attachDocument } from '#lib/server/applications/attach-document.ts';
import { findOwnStep } from '#lib/server/applications/find-own-application.ts';
import { getApplicationForm } from '#lib/server/applications/get-application-form.ts';
import { removeDocument } from '#lib/server/applications/remove-document.ts';
import { saveStep } from '#lib/server/applications/save-step.ts';
import { submitApplication } from '#lib/server/applications/submit-application.ts';
import { AppError } from '#lib/server/errors.ts';
import { getFileServices } from '#lib/server/files/get-file-services.ts';
import { receiveForm } from '#lib/server/files/receive-form.ts';
import { runOperation } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = locals.user!;
	const form = await runOperation(async () => getApplicationForm(await getDb(), user, params.number, locals.locale));
	if (form.status !== 'draft') redirect(303, localizeHref(`/applications/${form.number}`, { locale: locals.locale }));
	const step = form.steps.find((candidate) => candidate.key === params.step);
	if (!step) error(404, 'application.step_not_found');
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

/** Upload errors become message keys: `file.too_large` → `error_file_too_large`. */
function messageKeyOf(cause: unknown): string {
	const key = cause instanceof AppError ? `error_${cause.code.replace('.', '_')}` : '';
	return hasMessage(key) ? key : 'error_upload_failed';
}

async function receiveStepForm(event: RequestEvent<{ number: string; step: string }>) {
	const user = event.locals.user!;
	const db = await getDb();
	// Nobody but the owner gets as far as sending a body to the disk.
	const target = await runOperation(() => findOwnStep(db, user, event.params.number, event.params.step));
	const files = getFileServices();
	try {
		return { ...target, ...(await receiveForm(event.request, { maxFileBytes: files.maxUploadBytes, tempDirectory: files.tempDirectory })) };
	} catch (cause) {
		if (cause instanceof AppError) return fail(cause.status, { uploadError: messageByKey(messageKeyOf(cause)) });
		throw cause;
	}
}

/** Keeps each received file or gives the reason it was refused, by requirement. */
async function attachFiles(
	event: RequestEvent<{ number: string; step: string }>,
	received: Awaited<ReturnType<typeof receiveForm>>['files'],
	fields: Record<string, string>
): Promise<Record<string, string>> {
	const { storage, scanner } = getFileServices();
	const problems: Record<string, string> = {};
	for (const entry of received) {
		const requirementKey = entry.fieldName.replace(/^file:/, '');
		try {
			if (entry.error) throw entry.error;
			await attachDocument(await getDb(), storage, scanner, event.locals.user!, {
				number: event.params.number,
				requirementKey,
				file: entry.file!,
				ipAddress: event.getClientAddress(),
				replacesDocumentId: fields[`replace:${requirementKey}`] || undefined
			});
		} catch (cause) {
			if (!(cause instanceof AppError)) throw cause;
			problems[requirementKey] ??= messageKeyOf(cause);
		} finally {
			await entry.discard();
		}
	}
	return problems;
}

export const actions: Actions = {
	/**
	 * The step's one form: Save, «Add a row», removing a file and Send all post it, so whatever
	 * was typed is saved first, whichever button was pressed.
	 */
	save: async (event) => {
		const { params, locals } = event;
		const user = locals.user!;
		const received = await receiveStepForm(event);
		if (!('step' in received)) return received;
		const { row, step } = received;
		const db = await getDb();
		const intent = received.fields.intent ?? 'save';
		const here = localizeHref(`/applications/${params.number}/steps/${step.key}`, { locale: locals.locale });
		const sentPage = localizeHref(`/applications/${params.number}`, { locale: locals.locale });
		// Sent meanwhile (another tab, a double click): a repeated Send is told it was sent, as often
		// as it arrives; anything else sees the application as it is now.
		const showSent = async (): Promise<never> => {
			await Promise.all(received.files.map((entry) => entry.discard()));
			if (intent === 'send') await runOperation(() => submitApplication(db, user, { number: params.number, submissionKey: received.fields.submissionKey ?? '' }));
			redirect(303, intent === 'send' ? `${sentPage}?sent=1` : sentPage);
		};
		if (row.status !== 'draft') await showSent();
		const validation = await runOperation(async () => {
			try {
				return await saveStep(db, user, { number: params.number, stepKey: step.key, answers: answersFromForm(step, received.fields) });
			} catch (cause) {
				if (cause instanceof AppError && cause.code === 'application.not_editable') await showSent();
				throw cause;
			}
		});
		const documentErrors = await attachFiles(event, received.files, received.fields);

		if (intent.startsWith('remove:')) {
			await runOperation(() => removeDocument(db, getFileServices().storage, user, { number: params.number, documentId: intent.slice('remove:'.length), ipAddress: event.getClientAddress() }));
		}
		if (Object.keys(documentErrors).length > 0) {
			return fail(400, { documentErrors: toTexts(documentErrors), errors: toTexts(validation.errors) });
		}
		if (intent === 'send') {
			const outcome = await runOperation(() => submitApplication(db, user, { number: params.number, submissionKey: received.fields.submissionKey ?? '', ipAddress: event.getClientAddress() }));
			if (outcome.status === 'submitted') redirect(303, `${sentPage}?sent=1`);
			redirect(303, `${here}?check&incomplete=${outcome.stepKeys.join(',')}#send-problems`);
		}
		if (intent.startsWith('add_row:')) redirect(303, /^add_row:[a-z][a-z0-9_]{0,63}$/.test(intent) ? `${here}#f-${intent.slice('add_row:'.length)}` : here);
		if (intent.startsWith('remove:')) redirect(303, `${here}#documents`);
		redirect(303, `${here}?saved`);
	},

	/** One file at a time, sent by the page's script with a progress bar. */
	upload: async (event) => {
		const received = await receiveStepForm(event);
		if (!('step' in received)) return received;
		const documentErrors = await attachFiles(event, received.files, received.fields);
		const [problem] = Object.values(documentErrors);
		if (problem) return fail(400, { uploadError: messageByKey(problem) });
		if (received.files.length === 0) return fail(400, { uploadError: messageByKey('error_file_missing') });
		return { uploaded: received.files.length };
	}
};
