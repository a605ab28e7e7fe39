import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

// Ordering changes state, so it is a POST; a GET (typed or bookmarked URL) goes back to the passport.
export const load: PageServerLoad = ({ params }) => {
	redirect(303, localizeHref(`/services/${params.slug}`));
};

export const actions: Actions = {
	// Applications need an account: the visitor signs in and comes back to the passport to order.
	default: ({ params, locals }) => {
		const back = localizeHref(`/services/${params.slug}`, { locale: locals.locale });
		redirect(303, `${localizeHref('/login', { locale: locals.locale })}?next=${encodeURIComponent(back)}`);
	}
};
