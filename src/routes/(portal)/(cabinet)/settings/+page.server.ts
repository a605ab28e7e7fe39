import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { changePassword } from '#lib/server/accounts/change-password.ts';
import { setChallengeCookie } from '#lib/server/http/cookies.ts';
import { readFormFields, requestContext } from '#lib/server/http/form.ts';
import { endOtherSessions, endSessionById, listSessions } from '#lib/server/accounts/session.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function signedIn(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const user = event.locals.user;
	if (!user) error(401, 'not_signed_in');
	return user;
}

export const load: PageServerLoad = async (event) => {
	const user = signedIn(event);
	const sessions = await runOperation(async () => listSessions(await getDb(), user.id, event.locals.sessionTokenHash));
	return { login: user.login, sessions, changed: event.url.searchParams.has('changed') };
};

export const actions: Actions = {
	password: async (event) => {
		const user = signedIn(event);
		const fields = await readFormFields(event.request);
		const outcome = await runOperation(async () =>
			changePassword(await getDb(), user, { currentPassword: fields.currentPassword ?? '', password: fields.password ?? '', passwordRepeat: fields.passwordRepeat ?? '', sessionTokenHash: event.locals.sessionTokenHash, next: localizeHref(route.settings({ changed: true }), { locale: event.locals.locale }) }, requestContext(event))
		);
		if (outcome.status === 'invalid') return fail(400, { errors: outcome.errors });
		if (outcome.status === 'rate_limited') return fail(429, { errors: { currentPassword: 'error_too_many_requests' }, minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
		setChallengeCookie(event.cookies, event.url, outcome.challengeId);
		redirect(303, localizeHref(route.settingsCode(), { locale: event.locals.locale }));
	},
	endSession: async (event) => {
		const user = signedIn(event);
		const fields = await readFormFields(event.request);
		await runOperation(async () => endSessionById(await getDb(), user.id, fields.session ?? ''));
		return { isSessionEnded: true };
	},
	endOthers: async (event) => {
		const user = signedIn(event);
		await runOperation(async () => endOtherSessions(await getDb(), user.id, event.locals.sessionTokenHash ?? ''));
		return { isSessionEnded: true };
	}
};
