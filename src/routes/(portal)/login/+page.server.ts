import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { setChallengeCookie } from '#lib/server/http/cookies.ts';
import { readFormFields, requestContext, safeNextPath } from '#lib/server/http/form.ts';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { canConsult } from '#lib/server/access/consultant-policy.ts';
import { startLogin } from '#lib/server/accounts/start-login.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const next = safeNextPath(url.searchParams.get('next'));
	if (locals.user) redirect(303, next ?? localizeHref(canConsult(locals.user) ? route.officeConsultant() : canUseOffice(locals.user) ? route.office() : route.home()));
	return { next };
};

export const actions: Actions = {
	default: async (event) => {
		const fields = await readFormFields(event.request);
		const next = safeNextPath(fields.next);
		const values = { login: fields.login ?? '', remember: fields.remember ?? '', next: next ?? '' };
		if (!values.login.trim() || !fields.password) {
			return fail(400, { values, errors: { ...(!values.login.trim() ? { login: 'error_required' } : {}), ...(!fields.password ? { password: 'error_required' } : {}) } });
		}
		const outcome = await runOperation(async () =>
			startLogin(await getDb(), { login: values.login, password: fields.password!, isRemembered: values.remember === 'yes', next }, requestContext(event))
		);
		if (outcome.status === 'failed') return fail(400, { values, errors: { login: 'error_login_failed' } });
		if (outcome.status === 'locked') return fail(429, { values, errors: { login: 'error_login_locked' }, minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
		if (outcome.status === 'rate_limited') return fail(429, { values, errors: { login: 'error_too_many_requests' }, minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
		// Both an SMS code and an authenticator code are asked for on the next page.
		setChallengeCookie(event.cookies, event.url, outcome.challengeId);
		redirect(303, localizeHref(route.loginCode(), { locale: event.locals.locale }));
	}
};
