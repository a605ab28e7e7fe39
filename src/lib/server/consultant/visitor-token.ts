import { createHash, randomBytes } from 'node:crypto';

/** A visitor's browser-session token: only its hash is stored, so the table alone lets nobody in. */
export const newVisitorToken = () => randomBytes(32).toString('base64url');

export const hashVisitorToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Tokens are what `newVisitorToken` makes; anything else in the cookie is ignored. */
export const isVisitorToken = (value: string | undefined): value is string => value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
