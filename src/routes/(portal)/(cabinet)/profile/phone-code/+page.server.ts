import { codeStep } from '#lib/server/accounts/code-step.ts';
import type { Actions, PageServerLoad } from './$types';

const step = codeStep('phone_change', '/profile');
export const load: PageServerLoad = async (event) => ({
	...(await step.load(event)),
	phone: event.url.searchParams.get('phone') ?? '',
	pendingEmail: event.url.searchParams.get('email')
});
export const actions: Actions = step.actions;
