import { error } from '@sveltejs/kit';
import { canConsult } from '#lib/server/access/consultant-policy.ts';
import { queueEvents } from '#lib/server/http/consultant-office.ts';
import type { RequestHandler } from './$types';

/** The on-duty queue, live (Server-Sent Events). */
export const GET: RequestHandler = ({ request, locals }) => {
	if (!canConsult(locals.user)) error(404, 'not_found');
	return queueEvents(request, locals.user!);
};
