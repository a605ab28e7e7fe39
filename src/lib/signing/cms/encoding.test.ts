// Checked against Node's own encoder; the helper itself must not rely on Buffer (it runs in the browser).
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './encoding.ts';

describe('Base64 without Buffer', () => {
	it("matches Node for every length around its slices' boundaries", () => {
		for (const length of [0, 1, 2, 3, 4, 32767, 32768, 32769, 65537]) {
			const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 11) % 256);
			expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
		}
	});

	it('encodes a 10 MB document without overflowing the stack', () => {
		const bytes = new Uint8Array(10 * 1024 * 1024);
		for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
		expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
	});

	it('encodes a view into a larger buffer by its own bytes only', () => {
		const whole = Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(toBase64(whole.subarray(2, 5))).toBe(Buffer.from([2, 3, 4]).toString('base64'));
	});

	it('reads whole, padded Base64 only', () => {
		expect(fromBase64('AAEC')).toEqual(Uint8Array.from([0, 1, 2]));
		expect(fromBase64('AA==')).toEqual(Uint8Array.from([0]));
		expect(fromBase64('AA=A')).toBeNull();
		expect(fromBase64('AAE')).toBeNull();
	});
});
