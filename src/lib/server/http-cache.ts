import { createHash } from 'node:crypto';

/** Public pages may be stored by any cache but must be revalidated on every use, so content changes show at once. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export function weakEtag(body: string | Uint8Array): string {
	return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when the client's `If-None-Match` names the current representation. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
	if (!header) return false;
	const strip = (tag: string) => tag.trim().replace(/^W\//, '');
	const current = strip(etag);
	return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === current);
}
