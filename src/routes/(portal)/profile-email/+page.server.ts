import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { confirmEmailChange, pendingEmailOf } from '#lib/server/accounts/update-profile.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad } from './$types';

const TOKEN_COOKIE = 'email_token';

/**
 * The emailed link may be opened on any device. Its token moves into a cookie at once (out of the
 * address bar and Referer), and the change is made by a POST: a mail scanner fetching the link
 * changes nothing.
 */
export const load: PageServerLoad = async ({ url, cookies, setHeaders, locals }) => {
	const fromLink = url.searchParams.get('token');
	if (fromLink !== null) {
		setHeaders({ 'Referrer-Policy': 'no-referrer' });
		cookies.set(TOKEN_COOKIE, fromLink.slice(0, 64), { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 24 * 3600 });
		redirect(303, localizeHref(route.profileEmail(), { locale: locals.locale }));
	}
	return { email: await runOperation(async () => pendingEmailOf(await getDb(), cookies.get(TOKEN_COOKIE) ?? '')) };
};

export const actions: Actions = {
	default: async ({ cookies, url }) => {
		const isConfirmed = await runOperation(async () => confirmEmailChange(await getDb(), cookies.get(TOKEN_COOKIE) ?? ''));
		cookies.delete(TOKEN_COOKIE, { path: '/', secure: url.protocol === 'https:' });
		return { isConfirmed };
	}
};
