import { redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { clearSessionCookie, readSessionToken } from '#lib/server/http/cookies.ts';
import { endSession } from '#lib/server/accounts/session.ts';
import { recordAuditEvent } from '#lib/server/audit/record-audit-event.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so only a POST does it.
export const load: PageServerLoad = () => {
	redirect(303, localizeHref(route.home()));
};

export const actions: Actions = {
	default: async (event) => {
		const token = readSessionToken(event.cookies, event.url);
		if (token) {
			await runOperation(async () => {
				const db = await getDb();
				await endSession(db, token);
				if (event.locals.user) await recordAuditEvent(db, { action: 'auth.signed_out', actorUserId: event.locals.user.id, ipAddress: event.getClientAddress() });
			});
		}
		clearSessionCookie(event.cookies, event.url);
		redirect(303, localizeHref(route.home(), { locale: event.locals.locale }));
	}
};
