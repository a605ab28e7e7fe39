import { Secret, TOTP } from 'otpauth';

/** Staff sign in with a TOTP code (RFC 6238: 6 digits, 30 s) from an authenticator app instead of SMS. */
export function newTotpSecret(): string {
	return new Secret({ size: 20 }).base32;
}

export function totpFor(secret: string, label: string): TOTP {
	return new TOTP({ issuer: 'Atameken Services', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** Accepts the current code and its neighbours (±30 s of clock drift). */
export function isTotpValid(secret: string, token: string, now = new Date()): boolean {
	if (!/^\d{6}$/.test(token)) return false;
	return totpFor(secret, 'staff').validate({ token, timestamp: now.getTime(), window: 1 }) !== null;
}
