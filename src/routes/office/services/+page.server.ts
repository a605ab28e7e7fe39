import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canUseOffice, isSupervising } from '#lib/server/access/actor.ts';
import { getDb } from '#lib/server/app-context.ts';
import { readFormLists, requestContext } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { listAssignmentSettings, setAutomaticAssignment } from '#lib/server/office/automatic-assignment.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user;
	if (!user || !canUseOffice(user) || !isSupervising(user)) error(404, 'not_found');
	const services = await runOperation(async () => listAssignmentSettings(await getDb(), user, locals.locale));
	return { services, isSaved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user) || !isSupervising(user)) error(404, 'not_found');
		const form = await readFormLists(event.request);
		const automaticServiceIds = (form.automatic ?? []).map((value) => Number.parseInt(value, 10)).filter(Number.isSafeInteger);
		await runOperation(async () => setAutomaticAssignment(await getDb(), user, { automaticServiceIds, ipAddress: requestContext(event).ipAddress }));
		redirect(303, localizeHref(route.officeServices({ saved: true }), { locale: event.locals.locale }));
	}
};
