import type { LayoutServerLoad } from './$types';

/** What the header needs to know about the visitor: only their display name when signed in. */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	if (!user) return { user: null };
	const displayName = user.kind === 'legal_entity' && user.organisationName ? user.organisationName : `${user.lastName} ${user.firstName}`;
	return { user: { displayName } };
};
