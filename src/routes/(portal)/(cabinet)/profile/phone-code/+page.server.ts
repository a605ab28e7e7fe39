import { getDb } from '#lib/server/app-context.ts';
import { codeStep } from '#lib/server/http/code-step.ts';
import { readChallengeCookie } from '#lib/server/http/cookies.ts';
import { findPendingContactChange } from '#lib/server/accounts/find-pending-contact-change.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { route } from '#lib/route.ts';
import type { Actions, PageServerLoad } from './$types';

const step = codeStep('phone_change', route.profile());
export const load: PageServerLoad = async (event) => {
	const pending = await runOperation(async () => findPendingContactChange(await getDb(), event.locals.user!.id, readChallengeCookie(event.cookies)));
	return { ...(await step.load(event)), phone: pending.phone, pendingEmail: pending.email };
};
export const actions: Actions = step.actions;
