import { describe, expect, it } from 'vitest';
import { almatyYear, mrpMzpAt } from './mrp-mzp.ts';

describe('MRP and minimum wage', () => {
	it('switch to the new year at midnight in Almaty, five hours before UTC does', () => {
		expect(mrpMzpAt(new Date('2025-12-31T18:59:59Z'))).toEqual({ year: 2025, mrp: 3932, mzp: 85_000 });
		expect(mrpMzpAt(new Date('2025-12-31T19:00:00Z'))).toEqual({ year: 2026, mrp: 4325, mzp: 85_000 });
		expect(almatyYear(new Date('2026-12-31T19:00:00Z'))).toBe(2027);
	});

	it('hold every year from 2018 to 2026, and keep the latest known figures under their year after that', () => {
		expect(mrpMzpAt(new Date('2018-06-01T00:00:00Z'))).toEqual({ year: 2018, mrp: 2405, mzp: 28_284 });
		expect(mrpMzpAt(new Date('2024-06-01T00:00:00Z'))).toEqual({ year: 2024, mrp: 3692, mzp: 85_000 });
		expect(mrpMzpAt(new Date('2027-03-01T00:00:00Z'))).toEqual({ year: 2026, mrp: 4325, mzp: 85_000 });
		expect(mrpMzpAt(new Date('2010-03-01T00:00:00Z')).year).toBe(2018);
	});
});
