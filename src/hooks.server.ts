import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { isLocale } from '#lib/i18n/localized.ts';
import { startAppContext, stopAppContext, trackRequest } from '#lib/server/app-context.ts';
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

const locale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.locale = isLocale(locale) ? locale : 'kk';
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
		});
	});

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	headers.set('X-Frame-Options', 'DENY');
	if (event.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	headers.set('X-Request-Id', event.locals.requestId);
	return response;
};

/**
 * Public HTML pages get an ETag and may be kept by shared caches, which must revalidate them;
 * a matching `If-None-Match` gets a bodiless 304. Anything else is left uncacheable.
 */
const publicPageCaching: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const isHtml = response.headers.get('content-type')?.startsWith('text/html');
	if (event.request.method !== 'GET' || response.status !== 200 || !isHtml || event.isDataRequest) {
		if (isHtml && !response.headers.has('cache-control')) response.headers.set('Cache-Control', 'no-store');
		return response;
	}
	const body = await response.text();
	const etag = weakEtag(body);
	const headers = new Headers(response.headers);
	headers.set('ETag', etag);
	headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
	headers.set('Vary', 'Cookie');
	headers.set('X-Render-Cache', 'public');
	if (matchesIfNoneMatch(event.request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, { status: 200, headers });
};

export const handle = sequence(requestId, securityHeaders, locale, publicPageCaching);

export const handleError: HandleServerError = (caught) => {
	const reference = caught.event.locals.requestId ?? randomUUID();
	if (caught.kind === 'unknown') {
		// The stack stays in the server log; the visitor gets a generic page with the reference.
		console.error(`[error ${reference}] ${caught.event.request.method} ${caught.event.url.pathname}`, caught.error);
		return { message: 'internal', reference };
	}
	return { reference };
};
