import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { loadSigningPage, postSignature } from '#lib/server/http/signing-page.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function staff(event: Pick<RequestEvent, 'locals'>) {
	const user = event.locals.user;
	if (!user || !canUseOffice(user)) error(404, 'not_found');
	return user;
}

/** The provider's signature, by a colleague who holds its right to sign. */
export const load: PageServerLoad = async (event) => {
	const page = await loadSigningPage('office', staff(event), event.params, event.locals.locale);
	// Signed already, not the provider's turn, or no right to sign: the application's page says why.
	if (!page) redirect(303, localizeHref(route.officeApplication(event.params.number), { locale: event.locals.locale }));
	return page;
};

export const actions: Actions = {
	default: async (event) => {
		const failure = await postSignature('office', event, staff(event));
		if (failure) return failure;
		redirect(303, localizeHref(route.officeApplication(event.params.number, { signed: true }), { locale: event.locals.locale }));
	}
};
