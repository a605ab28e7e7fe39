import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * «Stay signed in» in the idle-timeout warning. Resolving the session for this request (in the
 * hooks) is what moves its idle deadline on; this answers with the new idle allowance. A POST, as
 * it changes the session, and only from the portal's own pages: form posts are covered by the
 * framework's origin check, a script's fetch is checked here.
 */
export const POST: RequestHandler = ({ request, url, locals }) => {
	if (request.headers.get('origin') !== url.origin) error(403, 'cross_site');
	if (!locals.user) error(401, 'not_signed_in');
	return new Response(JSON.stringify({ idleSeconds: locals.sessionIdleSeconds }), { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
};
