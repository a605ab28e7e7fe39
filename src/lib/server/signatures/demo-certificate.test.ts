import { describe, expect, it } from 'vitest';
import { checkIin } from '../../identity/iin-bin.ts';
import { demoHeadIin } from './demo-certificate.ts';

describe("the demo company head's IIN", () => {
	it('is a valid IIN, the same for the same account', () => {
		for (const seed of [0, 1, 17, 9_999, 123_456]) expect(checkIin(demoHeadIin(seed)), String(seed)).toEqual({ isValid: true });
		expect(demoHeadIin(42)).toBe(demoHeadIin(42));
	});
});
