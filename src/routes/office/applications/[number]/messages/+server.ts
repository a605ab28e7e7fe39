import { error } from '@sveltejs/kit';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { markShownRead } from '#lib/server/http/mark-read.ts';
import type { RequestHandler } from './$types';

/** Messages that arrived live on the open office page have been seen by this person. */
export const POST: RequestHandler = async (event) => {
	const user = event.locals.user;
	if (!user || !canUseOffice(user)) error(404, 'not_found');
	return markShownRead(event, user, 'office');
};
