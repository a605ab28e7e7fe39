import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { m } from '#lib/paraglide/messages.js';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { isLocale, type Locale } from '#lib/i18n/localized.ts';
import { clearSessionCookie, readSessionToken } from '#lib/server/http/cookies.ts';
import { resolveSession } from '#lib/server/accounts/session.ts';
import { getDb, startAppContext, stopAppContext, trackRequest } from '#lib/server/app-context.ts';
import { signInFirst } from '#lib/server/http/sign-in-first.ts';
import { runOperation, statusForUnexpectedError } from '#lib/server/http/run-operation.ts';
import { loggableError } from '#lib/server/log.ts';
import { getConfig } from '#lib/server/config.ts';
import { matchesIfNoneMatch, PUBLIC_CACHE_CONTROL, weakEtag } from '#lib/server/http-cache.ts';

export const init: ServerInit = async () => {
	getConfig();
	await startAppContext();
	process.once('sveltekit:shutdown', () => {
		void stopAppContext();
	});
};

const requestId: Handle = ({ event, resolve }) => {
	event.locals.requestId = randomUUID();
	return trackRequest(() => resolve(event));
};

/** The Noto Sans subsets a page's text needs in each language (Kazakh letters are in cyrillic-ext). */
const FONT_SUBSETS: Record<Locale, RegExp> = {
	kk: /noto-sans-(latin|cyrillic|cyrillic-ext)-(400|700)-/,
	ru: /noto-sans-(latin|cyrillic)-(400|700)-/,
	en: /noto-sans-latin-(400|700)-/
};

const locale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.locale = isLocale(locale) ? locale : 'kk';
		const fonts = FONT_SUBSETS[event.locals.locale];
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale),
			// The text's own fonts start with the stylesheets instead of after them, so a page is rarely
			// drawn in a fallback font first and then moved when they arrive (layout shift).
			preload: ({ type, path }) => type === 'js' || type === 'css' || (type === 'font' && path.endsWith('.woff2') && fonts.test(path))
		});
	});

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** True when a decoded path segment holds a control character (a NUL would even reach a database query). */
function hasControlCharacterInPath(pathname: string): boolean {
	return pathname.split('/').some((segment) => {
		try {
			return CONTROL_CHARACTER.test(decodeURIComponent(segment));
		} catch {
			// Not decodable: SvelteKit answers 400 itself.
			return false;
		}
	});
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * No page has a control character in its address, so such a path never reaches a route: it gets
 * 404 in the visitor's language. The route was matched before any hook runs and cannot be swapped
 * for the not-found page here, so this answers with a small page of its own.
 */
const controlCharacters: Handle = ({ event, resolve }) => {
	if (!hasControlCharacterInPath(event.url.pathname)) return resolve(event);
	const home = escapeHtml(localizeHref(route.home(), { locale: event.locals.locale }));
	const title = escapeHtml(m.error_not_found_title());
	const html = `<!doctype html><html lang="${event.locals.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${escapeHtml(m.site_name())}</title></head><body><main><h1>${title}</h1><p>${escapeHtml(m.error_not_found_text())}</p><p><a href="${home}">${escapeHtml(m.error_back_home())}</a></p></main></body></html>`;
	return new Response(html, {
		status: 404,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Cache-Control': 'no-store',
			'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
		}
	});
};

const authentication: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionTokenHash = null;
	event.locals.sessionIdleSeconds = null;
	const token = readSessionToken(event.cookies, event.url);
	if (token) {
		const resolved = await runOperation(async () => resolveSession(await getDb(), token));
		if (resolved) {
			event.locals.user = resolved.user;
			event.locals.sessionTokenHash = resolved.tokenHash;
			event.locals.sessionIdleSeconds = resolved.idleTimeoutSeconds;
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}
	// The personal cabinet and the office are for signed-in users only; their pages check access again themselves.
	if (!event.locals.user && (event.route.id?.startsWith('/(portal)/(cabinet)') || event.route.id?.startsWith('/office'))) {
		signInFirst(event.locals.locale, event.url.pathname + event.url.search);
	}
	const response = await resolve(event);
	// Pages for a signed-in user hold personal data: no cache may keep them.
	if (event.locals.user) response.headers.set('Cache-Control', 'no-store');
	return response;
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	// A page may ask for a stricter policy (the password-reset page sends no referrer at all).
	if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	headers.set('X-Frame-Options', 'DENY');
	if (event.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	headers.set('X-Request-Id', event.locals.requestId);
	return response;
};

/**
 * Pages that declared themselves public (catalog pages, through `PUBLIC_CACHE_CONTROL`) get an
 * ETag and may be kept by shared caches and the render cache in front; a matching `If-None-Match`
 * gets a bodiless 304. Every other HTML response is `no-store`: caching is opt-in, so a page that
 * depends on a cookie can never be served to someone else.
 */
const publicPageCaching: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const isHtml = response.headers.get('content-type')?.startsWith('text/html');
	const isPublic = response.headers.get('cache-control') === PUBLIC_CACHE_CONTROL;
	if (!isHtml) return response;
	if (!isPublic || event.locals.user || event.request.method !== 'GET' || response.status !== 200) {
		response.headers.set('Cache-Control', 'no-store');
		return response;
	}
	const body = await response.text();
	const etag = weakEtag(body);
	const headers = new Headers(response.headers);
	headers.set('ETag', etag);
	headers.set('Vary', 'Cookie');
	headers.set('X-Render-Cache', 'public');
	if (matchesIfNoneMatch(event.request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, { status: 200, headers });
};

export const handle = sequence(requestId, securityHeaders, locale, controlCharacters, authentication, publicPageCaching);

export const handleError: HandleServerError = (caught) => {
	const reference = caught.event.locals.requestId ?? randomUUID();
	if (caught.kind === 'unknown') {
		// A lost database is not a bug in the page: the visitor is asked to try again shortly.
		if (statusForUnexpectedError(caught.error) === 503) return { status: 503, message: 'unavailable', reference };
		// The stack stays in the server log; the visitor gets a generic page with the reference.
		console.error(`[error ${reference}] ${caught.event.request.method} ${caught.event.url.pathname}`, loggableError(caught.error));
		return { message: 'internal', reference };
	}
	return { reference };
};
