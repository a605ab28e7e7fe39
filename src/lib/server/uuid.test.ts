import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isUuid } from './uuid.ts';

describe('isUuid', () => {
	it('accepts uuids and nothing merely of their length and letters', () => {
		expect(isUuid(randomUUID())).toBe(true);
		expect(isUuid('-'.repeat(36))).toBe(false);
		expect(isUuid('a'.repeat(36))).toBe(false);
		expect(isUuid('not-a-uuid')).toBe(false);
	});
});
