import { getDb } from '#lib/server/app-context.ts';
import { codeStep } from '#lib/server/accounts/code-step.ts';
import { readChallengeCookie } from '#lib/server/accounts/cookies.ts';
import { findPendingContactChange } from '#lib/server/accounts/find-pending-contact-change.ts';
import { runOperation } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

const step = codeStep('phone_change', '/profile');
export const load: PageServerLoad = async (event) => {
	const pending = await runOperation(async () => findPendingContactChange(await getDb(), event.locals.user!.id, readChallengeCookie(event.cookies)));
	return { ...(await step.load(event)), phone: pending.phone, pendingEmail: pending.email };
};
export const actions: Actions = step.actions;
