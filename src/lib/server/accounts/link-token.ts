import { createHash, randomBytes } from 'node:crypto';

/**
 * The 128-bit tokens of emailed links (password reset, email change, staff invitation): only their
 * SHA-256 is stored, so a copy of the database opens nothing.
 */
export const newLinkToken = () => randomBytes(16).toString('base64url');
export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** Anything else is refused before a query: it cannot be one of ours. */
export const isLinkTokenShaped = (token: string) => /^[A-Za-z0-9_-]{22}$/.test(token);
