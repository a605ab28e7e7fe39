import { Secret, TOTP } from 'otpauth';

/** Staff sign in with a TOTP code (RFC 6238: 6 digits, 30 s) from an authenticator app instead of SMS. */
export function newTotpSecret(): string {
	return new Secret({ size: 20 }).base32;
}

export function totpFor(secret: string, label: string): TOTP {
	return new TOTP({ issuer: 'Atameken Services', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/**
 * The time step of a valid code (the current one or a neighbour: ±30 s of clock drift), or null.
 * Callers keep the last accepted step, so a code that was used once is refused afterwards.
 */
export function acceptedTotpStep(secret: string, token: string, now = new Date()): number | null {
	if (!/^\d{6}$/.test(token)) return null;
	const delta = totpFor(secret, 'staff').validate({ token, timestamp: now.getTime(), window: 1 });
	return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

export function isTotpValid(secret: string, token: string, now = new Date()): boolean {
	return acceptedTotpStep(secret, token, now) !== null;
}
