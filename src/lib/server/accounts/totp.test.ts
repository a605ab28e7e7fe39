import { describe, expect, it } from 'vitest';
import { isTotpValid, newTotpSecret, totpFor } from './totp.ts';

describe('TOTP', () => {
	it('accepts the current code and one step of clock drift, nothing older', () => {
		const secret = newTotpSecret();
		expect(secret).toMatch(/^[A-Z2-7]{32}$/);
		const now = new Date('2026-05-01T12:00:00Z');
		const totp = totpFor(secret, 'x');
		expect(isTotpValid(secret, totp.generate({ timestamp: now.getTime() }), now)).toBe(true);
		expect(isTotpValid(secret, totp.generate({ timestamp: now.getTime() - 30_000 }), now)).toBe(true);
		expect(isTotpValid(secret, totp.generate({ timestamp: now.getTime() - 120_000 }), now)).toBe(false);
		expect(isTotpValid(secret, 'abc', now)).toBe(false);
	});
});
