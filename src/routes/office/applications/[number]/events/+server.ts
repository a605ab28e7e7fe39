import { error } from '@sveltejs/kit';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { threadEvents } from '#lib/server/http/thread-events.ts';
import type { RequestHandler } from './$types';

/** The thread with the staff notes, live (Server-Sent Events), for the provider's staff. */
export const GET: RequestHandler = ({ params, locals, request, url }) => {
	const user = locals.user;
	if (!user || !canUseOffice(user)) error(404, 'not_found');
	return threadEvents({ actor: user, number: params.number, area: 'office', locale: locals.locale, request, after: url.searchParams.get('after') });
};
