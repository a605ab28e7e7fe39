import { threadEvents } from '#lib/server/http/thread-events.ts';
import type { RequestHandler } from './$types';

/** The applicant's thread, live (Server-Sent Events). */
export const GET: RequestHandler = ({ params, locals, request, url }) =>
	threadEvents({ actor: locals.user!, number: params.number, area: 'cabinet', locale: locals.locale, request, after: url.searchParams.get('after') });
