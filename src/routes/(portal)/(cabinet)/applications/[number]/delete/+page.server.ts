import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { deleteDraft } from '#lib/server/applications/delete-draft.ts';
import { getApplicationForm } from '#lib/server/applications/get-application-form.ts';
import { getFileServices } from '#lib/server/files/get-file-services.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad } from './$types';

/** Deleting a draft asks once more: what was typed and attached cannot be brought back. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const form = await runOperation(async () => getApplicationForm(await getDb(), locals.user!, params.number, locals.locale));
	if (form.status !== 'draft') redirect(303, localizeHref(route.application(form.number), { locale: locals.locale }));
	return { number: form.number, service: form.service, fileCount: form.documents.length };
};

export const actions: Actions = {
	default: async (event) => {
		await runOperation(async () => deleteDraft(await getDb(), getFileServices().storage, event.locals.user!, { number: event.params.number, ipAddress: event.getClientAddress() }));
		redirect(303, localizeHref(route.applications({ deleted: event.params.number }), { locale: event.locals.locale }));
	}
};
