import { getDb } from '#lib/server/app-context.ts';
import { canUseOffice, isApplicant } from '#lib/server/access/actor.ts';
import { countUnreadMessages } from '#lib/server/applications/count-unread-messages.ts';
import { cachedHeaderRates } from '#lib/server/rates/cached-rates.ts';
import { mrpMzpAt } from '#lib/reference/mrp-mzp.ts';
import type { LayoutServerLoad } from './$types';

/** What the header needs: the rates and the year's MRP and minimum wage; for the signed-in, their name and unread messages. */
export const load: LayoutServerLoad = async ({ locals, depends }) => {
	// Pages that mark messages read ask for the bell to be counted again.
	depends('app:unread');
	const user = locals.user;
	// Read from memory, refreshed in the background: a page never waits for the National Bank's feed.
	const rates = await getDb()
		.then((db) => cachedHeaderRates(db))
		.catch(() => null);
	const indicators = { rates, ...mrpMzpAt(new Date()) };
	if (!user) return { user: null, indicators };
	const displayName = user.kind === 'legal_entity' && user.organisationName ? user.organisationName : `${user.lastName} ${user.firstName}`;
	// The bell must not take a page down with it: without the database the page has its own answer.
	const unreadCount = isApplicant(user) ? await countUnreadMessages(await getDb(), user).catch(() => 0) : 0;
	return { indicators, user: { displayName, unreadCount, isApplicant: isApplicant(user), canUseOffice: canUseOffice(user) } };
};
