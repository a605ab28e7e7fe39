import { describe, expect, it } from 'vitest';
import { postedCms } from './posted-cms.ts';

describe('a posted signature', () => {
	it('is the typed text first, then a Base64 or PEM file as text, then a DER file as Base64', () => {
		expect(postedCms('  MIIB  ', Uint8Array.from([0x30, 0x82]))).toBe('MIIB');
		expect(postedCms('', new TextEncoder().encode('-----BEGIN CMS-----\nMIIB\n-----END CMS-----\n'))).toBe('-----BEGIN CMS-----\nMIIB\n-----END CMS-----');
		expect(postedCms(undefined, Uint8Array.from([0x30, 0x82, 0x01, 0xff]))).toBe('MIIB/w==');
	});

	it('is nothing when neither was sent', () => {
		expect(postedCms('   ', null)).toBeNull();
		expect(postedCms(undefined, new Uint8Array())).toBeNull();
	});
});
