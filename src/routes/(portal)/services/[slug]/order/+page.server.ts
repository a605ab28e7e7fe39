import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { createDraft } from '#lib/server/applications/create-draft.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { signInFirst } from '#lib/server/http/sign-in-first.ts';
import type { Actions, PageServerLoad } from './$types';

// Ordering changes state, so it is a POST; a GET (typed or bookmarked URL) goes back to the passport.
export const load: PageServerLoad = ({ params }) => {
	redirect(303, localizeHref(route.service(params.slug)));
};

export const actions: Actions = {
	default: async (event) => {
		const { params, locals } = event;
		if (!locals.user) {
			// Applications need an account: the visitor signs in and comes back to the passport to order.
			signInFirst(locals.locale, localizeHref(route.service(params.slug), { locale: locals.locale }));
		}
		const user = locals.user;
		const draft = await runOperation(async () => createDraft(await getDb(), user, { serviceSlug: params.slug, ipAddress: event.getClientAddress() }));
		redirect(303, localizeHref(route.applicationStep(draft.number, draft.firstStepKey), { locale: locals.locale }));
	}
};
