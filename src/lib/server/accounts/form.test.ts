import { describe, expect, it } from 'vitest';
import { safeNextPath } from './form.ts';

describe('safeNextPath', () => {
	it('keeps paths on this site', () => {
		expect(safeNextPath('/ru/services/ppp?x=1#top')).toBe('/ru/services/ppp?x=1#top');
	});

	it('refuses anything a browser could read as another site', () => {
		for (const value of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/ /x', 'https://evil.example', 'evil', '', null, undefined, `/${'a'.repeat(600)}`]) {
			expect(safeNextPath(value), String(value)).toBeNull();
		}
	});
});
