import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canHoldSigningRight, canManageStaff, PROVIDER_ROLES } from '#lib/server/access/staff-policy.ts';
import { getDb } from '#lib/server/app-context.ts';
import { accountLinks } from '#lib/server/http/account-links.ts';
import { readFormFields, readFormLists, requestContext } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { findStaffMember } from '#lib/server/staff/find-staff-member.ts';
import { changeStaffRole, reactivateStaff, resendInvitation, setExecutorServices, setProviderSigner } from '#lib/server/staff/manage-staff.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const SAVED = ['role', 'signer', 'services', 'deactivated', 'reactivated', 'invitation'] as const;

/** The admin, or nobody: anyone else gets the page that does not exist. */
function admin(event: Pick<RequestEvent, 'locals'>) {
	const user = event.locals.user;
	if (!user || !canManageStaff(user)) error(404, 'not_found');
	return user;
}

const personId = (event: Pick<RequestEvent, 'params'>) => Number.parseInt(event.params.id, 10);

function backToPerson(event: RequestEvent, saved: (typeof SAVED)[number]): never {
	redirect(303, localizeHref(route.officeStaffMember(event.params.id, { saved }), { locale: event.locals.locale }));
}

export const load: PageServerLoad = async (event) => {
	const user = admin(event);
	const person = await runOperation(async () => findStaffMember(await getDb(), user, /^\d{1,9}$/.test(event.params.id) ? personId(event) : NaN, event.locals.locale));
	const saved = SAVED.find((value) => value === event.url.searchParams.get('saved')) ?? null;
	return { person, roles: PROVIDER_ROLES, canHoldSigningRight: canHoldSigningRight(person.role), saved };
};

export const actions: Actions = {
	role: async (event) => {
		const user = admin(event);
		const fields = await readFormFields(event.request);
		await runOperation(async () => changeStaffRole(await getDb(), user, { id: personId(event), role: fields.role ?? '', ipAddress: requestContext(event).ipAddress }));
		backToPerson(event, 'role');
	},
	signer: async (event) => {
		const user = admin(event);
		const fields = await readFormFields(event.request);
		await runOperation(async () => setProviderSigner(await getDb(), user, { id: personId(event), isSigner: fields.signer === 'yes', ipAddress: requestContext(event).ipAddress }));
		backToPerson(event, 'signer');
	},
	services: async (event) => {
		const user = admin(event);
		const form = await readFormLists(event.request);
		const serviceIds = (form.service ?? []).slice(0, 500).map((value) => Number.parseInt(value, 10));
		await runOperation(async () => setExecutorServices(await getDb(), user, { id: personId(event), serviceIds, ipAddress: requestContext(event).ipAddress }));
		backToPerson(event, 'services');
	},
	reactivate: async (event) => {
		const user = admin(event);
		const outcome = await runOperation(async () => reactivateStaff(await getDb(), user, { id: personId(event), links: accountLinks(), ipAddress: requestContext(event).ipAddress }));
		backToPerson(event, outcome);
	},
	resend: async (event) => {
		const user = admin(event);
		await runOperation(async () => resendInvitation(await getDb(), user, { id: personId(event), links: accountLinks(), ipAddress: requestContext(event).ipAddress }));
		backToPerson(event, 'invitation');
	}
};
