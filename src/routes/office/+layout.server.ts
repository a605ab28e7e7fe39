import { error } from '@sveltejs/kit';
import { canUseOffice, isSupervising } from '#lib/server/access/actor.ts';
import { canConsult } from '#lib/server/access/consultant-policy.ts';
import { canManageStaff } from '#lib/server/access/staff-policy.ts';
import { getDb } from '#lib/server/app-context.ts';
import { cachedProvider } from '#lib/server/office/cached-provider.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { LayoutServerLoad } from './$types';

/**
 * The office is for the staff who work on a provider's applications, and for the virtual consultant's; everyone else gets the page
 * that does not exist (the area guard in hooks has already sent signed-out visitors to sign in).
 * Each page and form action checks access again through the policy, since actions skip this load.
 */
export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	const isConsultant = canConsult(user);
	if (!user || !(canUseOffice(user) || isConsultant)) error(404, 'not_found');
	const providerName = user.providerId === null ? null : await runOperation(async () => cachedProvider.name(await getDb(), user.providerId!, locals.locale));
	return { staff: { name: `${user.lastName} ${user.firstName}`, isSupervising: isSupervising(user), canManageStaff: canManageStaff(user), isConsultant, role: user.role, providerName } };
};
