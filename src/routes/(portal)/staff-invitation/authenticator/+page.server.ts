import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { getDb } from '#lib/server/app-context.ts';
import { setSessionCookie } from '#lib/server/http/cookies.ts';
import { readFormFields, requestContext } from '#lib/server/http/form.ts';
import { clearInvitationCookie, INVITATION_COOKIE } from '#lib/server/http/invitation-cookie.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { qrPath } from '#lib/server/qr/qr-path.ts';
import { confirmInvitation, findInvitation } from '#lib/server/staff/accept-invitation.ts';
import type { Actions, PageServerLoad } from './$types';

/** The second step: the authenticator app gets its secret (as a QR code and as text) and proves it with a code. */
export const load: PageServerLoad = async ({ cookies, locals, setHeaders }) => {
	const token = cookies.get(INVITATION_COOKIE) ?? '';
	const invitation = await runOperation(async () => findInvitation(await getDb(), token));
	if (!invitation?.authenticator) redirect(303, localizeHref(route.staffInvitation(), { locale: locals.locale }));
	// The secret is on this page: no copy of it may stay in a cache.
	setHeaders({ 'Cache-Control': 'no-store' });
	return { name: invitation.name, secret: invitation.authenticator.secret.replace(/(.{4})/g, '$1 ').trim(), qr: qrPath(invitation.authenticator.uri) };
};

export const actions: Actions = {
	default: async (event) => {
		const fields = await readFormFields(event.request);
		const code = (fields.code ?? '').replace(/\s/g, '');
		if (!/^\d{6}$/.test(code)) return fail(400, { error: 'error_code_format' });
		const token = event.cookies.get(INVITATION_COOKIE) ?? '';
		const context = requestContext(event);
		const outcome = await runOperation(async () => confirmInvitation(await getDb(), { token, code, userAgent: event.request.headers.get('user-agent'), ipAddress: context.ipAddress }));
		if (outcome.status === 'wrong') return fail(400, { error: 'error_code_wrong_totp' });
		if (outcome.status === 'rate_limited') return fail(429, { error: 'error_too_many_requests', minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
		if (outcome.status === 'link_invalid') redirect(303, localizeHref(route.staffInvitation(), { locale: event.locals.locale }));
		clearInvitationCookie(event);
		setSessionCookie(event.cookies, event.url, outcome.session, false);
		const landing = canUseOffice({ role: outcome.role, providerId: outcome.providerId }) ? route.office() : route.home();
		redirect(303, localizeHref(landing, { locale: event.locals.locale }));
	}
};
