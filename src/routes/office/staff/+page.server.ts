import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canManageStaff, PROVIDER_ROLES } from '#lib/server/access/staff-policy.ts';
import { getDb } from '#lib/server/app-context.ts';
import { accountLinks } from '#lib/server/http/account-links.ts';
import { readFormFields, requestContext } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { inviteStaff } from '#lib/server/staff/invite-staff.ts';
import { listStaff } from '#lib/server/staff/list-staff.ts';
import type { Actions, PageServerLoad } from './$types';

/** The provider admin's list of their people and the invitation form. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user;
	if (!user || !canManageStaff(user)) error(404, 'not_found');
	const staff = await runOperation(async () => listStaff(await getDb(), user));
	return { staff, roles: PROVIDER_ROLES, isInvited: url.searchParams.has('invited') };
};

export const actions: Actions = {
	invite: async (event) => {
		const user = event.locals.user;
		if (!user || !canManageStaff(user)) error(404, 'not_found');
		const fields = await readFormFields(event.request);
		const outcome = await runOperation(async () =>
			inviteStaff(await getDb(), user, fields, { locale: event.locals.locale, links: accountLinks(), ipAddress: requestContext(event).ipAddress })
		);
		if (outcome.status === 'invalid') {
			const { lastName, firstName, patronymic, login, email, role } = fields;
			return fail(400, { errors: outcome.errors, values: { lastName, firstName, patronymic, login, email, role } });
		}
		redirect(303, localizeHref(route.officeStaff({ invited: true }), { locale: event.locals.locale }));
	}
};
