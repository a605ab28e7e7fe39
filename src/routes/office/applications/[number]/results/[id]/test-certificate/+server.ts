import { error } from '@sveltejs/kit';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { testCertificateResponse } from '#lib/server/http/signing-page.ts';
import type { RequestHandler } from './$types';

/** The demo's test signer's key and certificate for the provider's signer; not in production. */
export const POST: RequestHandler = (event) => {
	const user = event.locals.user;
	if (!user || !canUseOffice(user)) error(404, 'not_found');
	return testCertificateResponse('office', event, user);
};
