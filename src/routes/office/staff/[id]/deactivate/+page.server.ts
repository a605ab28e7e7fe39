import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canManageStaff } from '#lib/server/access/staff-policy.ts';
import { getDb } from '#lib/server/app-context.ts';
import { requestContext } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { findStaffMember } from '#lib/server/staff/find-staff-member.ts';
import { deactivateStaff } from '#lib/server/staff/manage-staff.ts';
import type { Actions, PageServerLoad } from './$types';

/** Switching a colleague off asks first, on its own page, so it works the same without JavaScript. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = locals.user;
	if (!user || !canManageStaff(user)) error(404, 'not_found');
	const person = await runOperation(async () => findStaffMember(await getDb(), user, /^\d{1,9}$/.test(params.id) ? Number(params.id) : NaN, locals.locale));
	if (!person.isChangeable || person.state === 'deactivated') error(404, 'not_found');
	return { person: { id: person.id, name: person.name } };
};

export const actions: Actions = {
	default: async (event) => {
		const user = event.locals.user;
		if (!user || !canManageStaff(user)) error(404, 'not_found');
		await runOperation(async () => deactivateStaff(await getDb(), user, { id: Number.parseInt(event.params.id, 10), ipAddress: requestContext(event).ipAddress }));
		redirect(303, localizeHref(route.officeStaffMember(event.params.id, { saved: 'deactivated' }), { locale: event.locals.locale }));
	}
};
