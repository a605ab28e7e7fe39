import { error, fail, redirect } from '@sveltejs/kit';
import { messageByKey } from '#lib/i18n/message-by-key.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { getApplicationForm } from '#lib/server/applications/get-application-form.ts';
import { getConfig } from '#lib/server/config.ts';
import { getFileServices } from '#lib/server/files/get-file-services.ts';
import { readFormFiles, requestContext } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { postedCms } from '#lib/server/signatures/posted-cms.ts';
import { signResultDocument } from '#lib/server/signatures/sign-result-document.ts';
import { getSigningContext } from '#lib/server/signatures/signing-context.ts';
import type { Actions, PageServerLoad } from './$types';

/** A `.cms` file is a few KiB; the form refuses anything much larger before reading it. */
const MAX_CMS_FILE_BYTES = 256 * 1024;

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = locals.user!;
	const form = await runOperation(async () => getApplicationForm(await getDb(), user, params.number, locals.locale));
	const document = form.results.find((result) => result.id === params.id);
	if (!document) error(404, 'not_found');
	// Signed already, or not this person's turn: the application's page says where things stand.
	if (document.awaiting !== 'applicant' || form.status !== 'awaiting_signature') redirect(303, localizeHref(route.application(form.number), { locale: locals.locale }));
	return {
		number: form.number,
		serviceTitle: form.service.title,
		document: { id: document.id, originalName: document.originalName, kindText: messageByKey(`result_document_${document.kind}`), sizeBytes: document.sizeBytes },
		owner: user.kind === 'legal_entity' ? { bin: user.login } : { iin: user.login },
		hasTestSigner: getConfig().APP_MODE !== 'production'
	};
};

export const actions: Actions = {
	/**
	 * The signature the browser made (through NCALayer or the test signer) or a `.cms` file made with
	 * the signing app; verified on the server before it counts.
	 */
	default: async (event) => {
		const user = event.locals.user!;
		const { fields, files, tooLarge } = await readFormFiles(event.request, { cms_file: MAX_CMS_FILE_BYTES });
		const cms = postedCms(fields.cms, files.cms_file);
		if (tooLarge.length > 0 || cms === null) return fail(400, { error: tooLarge.length > 0 ? 'error_signature_malformed' : 'error_signature_missing' });
		const context = await runOperation(() => getSigningContext());
		const outcome = await runOperation(async () =>
			signResultDocument(await getDb(), { storage: getFileServices().storage, trustAnchors: context.trustAnchors }, user, {
				number: event.params.number,
				documentId: event.params.id,
				cms,
				ipAddress: requestContext(event).ipAddress
			})
		);
		if (outcome.status === 'refused') return fail(422, { error: `error_signature_${outcome.reason}` });
		redirect(303, localizeHref(route.application(event.params.number, { signed: true }), { locale: event.locals.locale }));
	}
};
