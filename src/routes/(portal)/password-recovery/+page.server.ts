import { fail } from '@sveltejs/kit';
import { getDb } from '#lib/server/app-context.ts';
import { readFormFields, requestContext } from '#lib/server/http/form.ts';
import { requestPasswordReset } from '#lib/server/accounts/password-reset.ts';
import { accountLinks } from '#lib/server/http/account-links.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const fields = await readFormFields(event.request);
		const login = (fields.login ?? '').trim();
		if (!login) return fail(400, { login, error: 'error_required' });
		const outcome = await runOperation(async () => requestPasswordReset(await getDb(), login, { ...requestContext(event), links: accountLinks() }));
		if (outcome.status === 'rate_limited') return fail(429, { login, error: 'error_too_many_requests', minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
		return { login, isSent: true };
	}
};
