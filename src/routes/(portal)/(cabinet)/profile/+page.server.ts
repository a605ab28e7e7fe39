import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { setChallengeCookie } from '#lib/server/http/cookies.ts';
import { readFormFields, requestContext } from '#lib/server/http/form.ts';
import { getClientCard, updateProfile } from '#lib/server/accounts/update-profile.ts';
import { accountLinks } from '#lib/server/http/account-links.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) error(401, 'not_signed_in');
	const user = locals.user;
	return { card: await runOperation(async () => getClientCard(await getDb(), user)), isSaved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = event.locals.user;
		if (!user) error(401, 'not_signed_in');
		const fields = await readFormFields(event.request);
		const outcome = await runOperation(async () => updateProfile(await getDb(), user, fields, { ...requestContext(event), links: accountLinks() }));
		if (outcome.status === 'invalid') return fail(400, { values: fields, errors: outcome.errors });
		if (outcome.status === 'rate_limited') return fail(429, { values: fields, errors: { phone: 'error_too_many_requests' }, minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
		if (outcome.pendingPhone) {
			setChallengeCookie(event.cookies, event.url, outcome.pendingPhone.challengeId);
			// The code page reads the new number and address from the attempt, not from its URL.
			redirect(303, localizeHref(route.profilePhoneCode(), { locale: event.locals.locale }));
		}
		return { isSaved: true, pendingEmail: outcome.pendingEmail };
	}
};
