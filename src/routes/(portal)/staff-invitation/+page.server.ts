import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { readFormFields } from '#lib/server/http/form.ts';
import { INVITATION_COOKIE, moveInvitationTokenToCookie } from '#lib/server/http/invitation-cookie.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { findInvitation, setInvitationPassword } from '#lib/server/staff/accept-invitation.ts';
import type { Actions, PageServerLoad } from './$types';

/** The first step of a staff invitation: the newcomer chooses a password. */
export const load: PageServerLoad = async (event) => {
	moveInvitationTokenToCookie(event);
	const token = event.cookies.get(INVITATION_COOKIE) ?? '';
	const invitation = await runOperation(async () => findInvitation(await getDb(), token));
	return { invitation: invitation && { name: invitation.name, login: invitation.login, hasPassword: invitation.authenticator !== null } };
};

export const actions: Actions = {
	default: async (event) => {
		const fields = await readFormFields(event.request);
		const token = event.cookies.get(INVITATION_COOKIE) ?? '';
		const outcome = await runOperation(async () => setInvitationPassword(await getDb(), { token, password: fields.password ?? '', passwordRepeat: fields.passwordRepeat ?? '' }));
		if (outcome.status === 'invalid') return fail(400, { errors: outcome.errors });
		if (outcome.status === 'link_invalid') return fail(400, { errors: { form: 'staff_invitation_invalid' } });
		redirect(303, localizeHref(route.staffInvitationAuthenticator(), { locale: event.locals.locale }));
	}
};
