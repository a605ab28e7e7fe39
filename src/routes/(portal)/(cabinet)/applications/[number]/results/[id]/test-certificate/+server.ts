import { testCertificateResponse } from '#lib/server/http/signing-page.ts';
import type { RequestHandler } from './$types';

/** The demo's test signer's key and certificate for the applicant; not in production. */
export const POST: RequestHandler = (event) => testCertificateResponse('cabinet', event, event.locals.user!);
