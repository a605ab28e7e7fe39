import { error, fail, redirect } from '@sveltejs/kit';
import { pickLocalized } from '#lib/i18n/localized.ts';
import { messageByKey } from '#lib/i18n/message-by-key.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { allowedTransitions } from '#lib/server/access/application-policy.ts';
import { getDb } from '#lib/server/app-context.ts';
import { getApplicationForm } from '#lib/server/applications/get-application-form.ts';
import { markThreadRead, readThread } from '#lib/server/applications/read-thread.ts';
import { recordAuditEvent } from '#lib/server/audit/record-audit-event.ts';
import { readFormFields, readFormLists, requestContext } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { postThreadMessage } from '#lib/server/http/thread-message.ts';
import { isPlainOfficeAction, moveApplication } from '#lib/server/office/move-application.ts';
import { rejectApplication } from '#lib/server/office/reject-application.ts';
import { findApplicationIn } from '#lib/server/applications/find-own-application.ts';
import { getFileServices } from '#lib/server/files/get-file-services.ts';
import { receiveForm } from '#lib/server/files/receive-form.ts';
import { issueResultDocument } from '#lib/server/office/issue-result-document.ts';
import { requestSignature } from '#lib/server/office/request-signature.ts';
import { notifyApplicant } from '#lib/server/office/notify-applicant.ts';
import { returnApplication } from '#lib/server/office/return-application.ts';
import { providerSigning } from '#lib/server/office/provider-signing.ts';
import { offeredSigningPlans } from '#lib/signing/signing-plan.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, getClientAddress, url }) => {
	const user = locals.user;
	if (!user || !canUseOffice(user)) error(404, 'not_found');
	const db = await getDb();
	const form = await runOperation(() => getApplicationForm(db, user, params.number, locals.locale, 'office'));
	const thread = await runOperation(() => readThread(db, user, params.number, locals.locale, 'office'));
	const newestShown = thread.messages.at(-1)?.id;
	await runOperation(async () => {
		// Staff opening an applicant's data is on the record, each time.
		await recordAuditEvent(db, { action: 'application.viewed', actorUserId: user.id, subject: form.number, ipAddress: getClientAddress() });
		if (newestShown !== undefined) await markThreadRead(db, user, params.number, newestShown, 'office');
	});
	const timeline = thread.timeline.map((entry) => ({ ...entry, statusText: messageByKey(`status_${entry.toStatus}`) }));
	const allowed = allowedTransitions(user, form.status);
	const steps = form.steps.map((step) => ({ key: step.key, title: pickLocalized(step.title, locals.locale) }));
	const results = form.results.map((result) => ({ ...result, kindText: messageByKey(`result_document_${result.kind}`) }));
	const canIssue = allowed.includes('issue_document');
	const signingPlans = canIssue ? offeredSigningPlans((await runOperation(() => providerSigning(db, user.providerId!))).canSign) : [];
	const canRequestSignature = allowed.includes('request_signature') && form.results.some((result) => result.signers.length > 0 && !result.frozenAt);
	return {
		form,
		thread: { ...thread, timeline },
		statusText: messageByKey(`status_${form.status}`),
		actions: allowed.filter(isPlainOfficeAction),
		canReject: allowed.includes('reject'),
		canReturn: allowed.includes('return'),
		canIssue,
		signingPlans,
		canRequestSignature,
		canNotify: allowed.includes('notify'),
		canSign: allowed.includes('sign'),
		isJustSigned: url.searchParams.has('signed'),
		steps,
		results
	};
};

export const actions: Actions = {
	/** Take into work or complete, as the buttons shown for the status the page had. */
	move: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user)) error(404, 'not_found');
		const fields = await readFormFields(event.request);
		const action = fields.action ?? '';
		if (!isPlainOfficeAction(action)) error(400, 'bad_request');
		await runOperation(async () =>
			moveApplication(await getDb(), user, { number: event.params.number, action, expectedStatus: fields.status, ipAddress: requestContext(event).ipAddress })
		);
		redirect(303, localizeHref(route.officeApplication(event.params.number), { locale: event.locals.locale }));
	},

	/** Returns the application to the applicant with what to fix and the steps they may change. */
	return: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user)) error(404, 'not_found');
		const form = await readFormLists(event.request);
		const comment = form.comment?.[0] ?? '';
		const stepKeys = (form.step ?? []).slice(0, 50);
		const outcome = await runOperation(async () => returnApplication(await getDb(), user, { number: event.params.number, comment, stepKeys, ipAddress: requestContext(event).ipAddress }));
		if (outcome.status === 'invalid') return fail(400, { returnErrors: outcome.errors, comment, chosen: stepKeys });
		redirect(303, localizeHref(route.officeApplication(event.params.number), { locale: event.locals.locale }));
	},

	/** A result document: made from the application's data and a text, or an uploaded PDF. */
	issue: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user)) error(404, 'not_found');
		const db = await getDb();
		// Nobody outside the application's office gets as far as sending a file to the disk.
		await runOperation(async () => findApplicationIn('office', db, user, event.params.number));
		const services = getFileServices();
		const received = await runOperation(async () => receiveForm(event.request, { maxFileBytes: services.maxUploadBytes, tempDirectory: services.tempDirectory, maxFiles: 1 }));
		const fields = received.fields;
		const upload = received.files.find((entry) => entry.fieldName === 'file' && entry.file && entry.file.sizeBytes > 0);
		const values = { kind: fields.kind ?? '', source: fields.source === 'uploaded' ? 'uploaded' : 'generated', body: fields.body ?? '', signing: fields.signing ?? 'none' };
		try {
			const source = values.source === 'uploaded' ? { source: 'uploaded' as const, file: upload?.file ?? null } : { source: 'generated' as const, body: values.body };
			const outcome = await runOperation(async () =>
				issueResultDocument(db, services, user, { ...source, number: event.params.number, kind: values.kind, signing: values.signing, ipAddress: requestContext(event).ipAddress })
			);
			if (outcome.status === 'invalid') return fail(400, { issueErrors: outcome.errors, issueValues: values });
		} finally {
			await Promise.all(received.files.map((entry) => entry.discard()));
		}
		redirect(303, localizeHref(route.officeApplication(event.params.number), { locale: event.locals.locale }));
	},

	/** Freezes the documents to be signed and has the application wait for the applicant's signature. */
	sign_request: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user)) error(404, 'not_found');
		await runOperation(async () => requestSignature(await getDb(), user, { number: event.params.number, ipAddress: requestContext(event).ipAddress }));
		redirect(303, localizeHref(route.officeApplication(event.params.number), { locale: event.locals.locale }));
	},

	/** A notice by hand through the applicant's chosen channel. */
	notify: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user)) error(404, 'not_found');
		const fields = await readFormFields(event.request);
		const text = fields.text ?? '';
		const outcome = await runOperation(async () => notifyApplicant(await getDb(), user, { number: event.params.number, text, ipAddress: requestContext(event).ipAddress }));
		if (outcome.status === 'invalid') return fail(400, { notifyError: outcome.error, notifyText: text });
		redirect(303, localizeHref(route.officeApplication(event.params.number), { locale: event.locals.locale }));
	},

	/** A message to the applicant, or a note for colleagues only. */
	message: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user)) error(404, 'not_found');
		const { outcome, text, field } = await postThreadMessage(event, user, 'office');
		if (outcome.status === 'invalid') return fail(400, { messageError: messageByKey(outcome.error), messageField: field, text });
		redirect(303, localizeHref(route.officeApplication(event.params.number), { locale: event.locals.locale }));
	},

	/** Refuses the application with the reason the applicant will read. */
	reject: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user)) error(404, 'not_found');
		const fields = await readFormFields(event.request);
		const reason = fields.reason ?? '';
		const outcome = await runOperation(async () => rejectApplication(await getDb(), user, { number: event.params.number, reason, ipAddress: requestContext(event).ipAddress }));
		if (outcome.status === 'invalid') return fail(400, { rejectError: outcome.error, reason });
		redirect(303, localizeHref(route.officeApplication(event.params.number), { locale: event.locals.locale }));
	}
};
