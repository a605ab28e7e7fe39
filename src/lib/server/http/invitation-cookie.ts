import { redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '../../paraglide/runtime.js';
import { route } from '../../route.ts';
import { INVITATION_TTL_SECONDS } from '../staff/invite-staff.ts';

export const INVITATION_COOKIE = 'staff_invitation';

/**
 * The emailed invitation carries its token in the address. It is moved at once into a cookie and
 * the browser sent to the same page without it, so the token never stays in the address bar, the
 * history or a Referer header.
 */
export function moveInvitationTokenToCookie(event: Pick<RequestEvent, 'url' | 'cookies' | 'setHeaders' | 'locals'>): void {
	const fromLink = event.url.searchParams.get('token');
	if (fromLink === null) return;
	event.setHeaders({ 'Referrer-Policy': 'no-referrer' });
	event.cookies.set(INVITATION_COOKIE, fromLink.slice(0, 64), { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:', maxAge: INVITATION_TTL_SECONDS });
	redirect(303, localizeHref(route.staffInvitation(), { locale: event.locals.locale }));
}

export function clearInvitationCookie(event: Pick<RequestEvent, 'url' | 'cookies'>): void {
	event.cookies.delete(INVITATION_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
}
