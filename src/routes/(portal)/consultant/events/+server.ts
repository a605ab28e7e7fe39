import { visitorEvents } from '#lib/server/http/consultant-visitor.ts';
import type { RequestHandler } from './$types';

/** The visitor's conversation, live (Server-Sent Events); reading changes nothing. */
export const GET: RequestHandler = ({ request, cookies, locals, url }) => {
	const after = Number.parseInt(request.headers.get('last-event-id') ?? url.searchParams.get('after') ?? '0', 10);
	return visitorEvents(request, cookies, locals.user, locals.locale, Number.isSafeInteger(after) && after > 0 ? after : 0);
};
