import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { loadSigningPage, postSignature } from '#lib/server/http/signing-page.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const page = await loadSigningPage('cabinet', locals.user!, params, locals.locale);
	// Signed already, or not this person's turn: the application's page says where things stand.
	if (!page) redirect(303, localizeHref(route.application(params.number), { locale: locals.locale }));
	return page;
};

export const actions: Actions = {
	default: async (event) => {
		const failure = await postSignature('cabinet', event, event.locals.user!);
		if (failure) return failure;
		redirect(303, localizeHref(route.application(event.params.number, { signed: true }), { locale: event.locals.locale }));
	}
};
