import type { Cookies } from '@sveltejs/kit';
import type { NewSession } from '../accounts/session.ts';

/**
 * `__Host-` cookies must be Secure, which a browser refuses on plain http; the plain name is used
 * only there (http://localhost in development and tests).
 */
export const sessionCookieName = (url: URL) => (url.protocol === 'https:' ? '__Host-session' : 'session');
const CHALLENGE_COOKIE = 'auth_attempt';

export function setSessionCookie(cookies: Cookies, url: URL, session: NewSession, isRemembered: boolean): void {
	cookies.set(sessionCookieName(url), session.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		// Without "stay signed in" the cookie ends with the browser; the server ends the session anyway.
		...(isRemembered ? { expires: session.expiresAt } : {})
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), { path: '/', secure: url.protocol === 'https:' });
}

export function readSessionToken(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(sessionCookieName(url));
}

/** The attempt (registration or sign-in) a code belongs to: its challenge id, kept for 15 minutes. */
export function setChallengeCookie(cookies: Cookies, url: URL, challengeId: string): void {
	cookies.set(CHALLENGE_COOKIE, challengeId, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 15 * 60 });
}

export function readChallengeCookie(cookies: Cookies): string | undefined {
	return cookies.get(CHALLENGE_COOKIE);
}

export function clearChallengeCookie(cookies: Cookies, url: URL): void {
	cookies.delete(CHALLENGE_COOKIE, { path: '/', secure: url.protocol === 'https:' });
}
