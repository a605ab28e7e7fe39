import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { setChallengeCookie } from '#lib/server/http/cookies.ts';
import { readFormFields, requestContext } from '#lib/server/http/form.ts';
import { isResetTokenUsable, RESET_TOKEN_TTL_SECONDS, submitNewPassword } from '#lib/server/accounts/password-reset.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad } from './$types';

const TOKEN_COOKIE = 'reset_token';

/**
 * The emailed link carries the token in its address. It is moved at once into a cookie and the
 * browser sent to the same page without it, so the token never sits in the address bar, the
 * history or a Referer header (that first answer also says `no-referrer`).
 */
export const load: PageServerLoad = async ({ url, cookies, setHeaders, locals }) => {
	const fromLink = url.searchParams.get('token');
	if (fromLink !== null) {
		setHeaders({ 'Referrer-Policy': 'no-referrer' });
		cookies.set(TOKEN_COOKIE, fromLink.slice(0, 64), { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: RESET_TOKEN_TTL_SECONDS });
		redirect(303, localizeHref(route.passwordRecoveryReset(), { locale: locals.locale }));
	}
	const token = cookies.get(TOKEN_COOKIE) ?? '';
	return { isUsable: await runOperation(async () => isResetTokenUsable(await getDb(), token)) };
};

export const actions: Actions = {
	default: async (event) => {
		const fields = await readFormFields(event.request);
		const token = event.cookies.get(TOKEN_COOKIE) ?? '';
		const outcome = await runOperation(async () => submitNewPassword(await getDb(), { token, password: fields.password ?? '', passwordRepeat: fields.passwordRepeat ?? '' }, requestContext(event)));
		if (outcome.status === 'invalid') return fail(400, { errors: outcome.errors });
		if (outcome.status === 'link_invalid') return fail(400, { errors: { form: 'recovery_link_invalid' } });
		if (outcome.status === 'rate_limited') return fail(429, { errors: { form: 'error_too_many_requests' }, minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
		event.cookies.delete(TOKEN_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
		setChallengeCookie(event.cookies, event.url, outcome.challengeId);
		redirect(303, localizeHref(route.passwordRecoveryCode(), { locale: event.locals.locale }));
	}
};
