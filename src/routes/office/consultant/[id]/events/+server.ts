import { error } from '@sveltejs/kit';
import { canConsult } from '#lib/server/access/consultant-policy.ts';
import { consultantConversationEvents } from '#lib/server/http/consultant-office.ts';
import type { RequestHandler } from './$types';

/** One conversation, live, on the consultant's side. */
export const GET: RequestHandler = ({ request, locals, params, url }) => {
	if (!canConsult(locals.user)) error(404, 'not_found');
	const after = Number.parseInt(request.headers.get('last-event-id') ?? url.searchParams.get('after') ?? '0', 10);
	return consultantConversationEvents(request, locals.user!, params.id, locals.locale, Number.isSafeInteger(after) && after > 0 ? after : 0);
};
