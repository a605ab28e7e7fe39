import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { setChallengeCookie } from '#lib/server/http/cookies.ts';
import { readFormFields, requestContext } from '#lib/server/http/form.ts';
import { registerAccount } from '#lib/server/accounts/register-account.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	if (locals.user) redirect(303, localizeHref(route.home()));
	return { kind: url.searchParams.get('kind') === 'legal_entity' ? 'legal_entity' : 'individual' } as const;
};

export const actions: Actions = {
	default: async (event) => {
		const fields = await readFormFields(event.request);
		const outcome = await runOperation(async () => registerAccount(await getDb(), fields, requestContext(event)));
		// Everything typed comes back to the form, except the passwords.
		const { password: _password, passwordRepeat: _repeat, ...kept } = fields;
		if (outcome.status === 'invalid') return fail(400, { values: kept, errors: outcome.errors });
		if (outcome.status === 'rate_limited') return fail(429, { values: kept, errors: { form: 'error_too_many_requests' }, retryAfterMinutes: Math.ceil(outcome.retryAfterSeconds / 60) });
		// An IIN/BIN that is already registered gets this same answer (its owner is told by SMS), so the page never tells whether it exists.
		setChallengeCookie(event.cookies, event.url, outcome.challengeId);
		redirect(303, localizeHref(route.registerConfirm(), { locale: event.locals.locale }));
	}
};
