import { getDb } from '#lib/server/app-context.ts';
import { canUseOffice, isApplicant } from '#lib/server/access/actor.ts';
import { countUnreadMessages } from '#lib/server/applications/count-unread-messages.ts';
import type { LayoutServerLoad } from './$types';

/** What the header needs to know about the visitor: their display name and unread messages when signed in. */
export const load: LayoutServerLoad = async ({ locals, depends }) => {
	// Pages that mark messages read ask for the bell to be counted again.
	depends('app:unread');
	const user = locals.user;
	if (!user) return { user: null };
	const displayName = user.kind === 'legal_entity' && user.organisationName ? user.organisationName : `${user.lastName} ${user.firstName}`;
	// The bell must not take a page down with it: without the database the page has its own answer.
	const unreadCount = isApplicant(user) ? await countUnreadMessages(await getDb(), user).catch(() => 0) : 0;
	return { user: { displayName, unreadCount, isApplicant: isApplicant(user), canUseOffice: canUseOffice(user) } };
};
