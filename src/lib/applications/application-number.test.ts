import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatApplicationNumber, parseApplicationNumber } from './application-number.ts';

describe('application numbers', () => {
	it('look like the manual’s 2065-15-11-18', () => {
		expect(formatApplicationNumber(2065, new Date('2018-11-15T10:00:00+06:00'))).toBe('2065-15-11-18');
	});

	it('take the date in Kazakhstan, not UTC', () => {
		// 20:30 UTC on 14 November is already 15 November in Astana.
		expect(formatApplicationNumber(7, new Date('2018-11-14T20:30:00Z'))).toBe('7-15-11-18');
	});

	it('refuse a sequence that is not a positive integer', () => {
		expect(() => formatApplicationNumber(0, new Date())).toThrow(RangeError);
		expect(() => formatApplicationNumber(1.5, new Date())).toThrow(RangeError);
	});

	it('read back what they write', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (sequence, date) => {
				const parsed = parseApplicationNumber(formatApplicationNumber(sequence, date));
				return parsed !== null && parsed.sequence === sequence;
			})
		);
		expect(parseApplicationNumber('2065-15-13-18')).toBeNull();
		expect(parseApplicationNumber('abc')).toBeNull();
	});
});
