import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-path.ts';

describe('qrPath', () => {
	it('draws a version-sized square with its finder patterns', () => {
		const { size, d } = qrPath('otpauth://totp/Atameken%20Services:800101300010?secret=JBSWY3DPEHPK3PXP');
		// Versions grow by 4 modules from 21; the quiet zone adds 2 on each side.
		expect((size - 4 - 21) % 4).toBe(0);
		// The top-left finder pattern: its corner module is dark, the one inside its white ring is light.
		expect(d).toContain('M2 2h1v1h-1z');
		expect(d).not.toContain('M3 3h1v1h-1z');
		expect(d).toContain('M4 4h1v1h-1z');
	});

	it('gives the same path for the same text', () => {
		expect(qrPath('a').d).toBe(qrPath('a').d);
	});
});
