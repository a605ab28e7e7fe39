import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBin, checkDigit, checkIin, maskIdentifier } from './iin-bin.ts';

describe('IIN', () => {
	it.each(['871008401427', '760212350620', '061211600012', '830717350867'])('accepts the valid IIN %s', (iin) => {
		expect(checkIin(iin)).toEqual({ isValid: true });
	});

	it.each([
		['871008401428', 'checksum'],
		['000813159890', 'checksum'],
		['821214240092', 'checksum'],
		['123456789012', 'century'],
		['87100840142', 'format'],
		['8710084014a7', 'format'],
		['871308401427', 'date'],
		['870229401427', 'date'],
		['871008701427', 'century']
	])('refuses %s (%s)', (iin, problem) => {
		expect(checkIin(iin)).toEqual({ isValid: false, problem });
	});

	it('allows spaces and dashes typed inside the number', () => {
		expect(checkIin('871008 401427').isValid).toBe(true);
		expect(checkIin('8710-0840-1427').isValid).toBe(true);
	});

	it('refuses 29 February outside leap years and accepts it in them', () => {
		// The first serial (in 0001…0099) whose check digit exists, for a given first seven digits.
		const withCheckDigit = (first7: string) => {
			for (let serial = 1; serial < 100; serial++) {
				const first11 = `${first7}${String(serial).padStart(4, '0')}`;
				const digit = checkDigit([...first11].map(Number));
				if (digit !== null) return `${first11}${digit}`;
			}
			throw new Error('no check digit');
		};
		expect(checkIin(withCheckDigit('0002295'))).toEqual({ isValid: true });
		expect(checkIin(withCheckDigit('0102295'))).toEqual({ isValid: false, problem: 'date' });
		expect(checkIin(withCheckDigit('0002293'))).toEqual({ isValid: false, problem: 'date' });
	});

	it('the check digit makes every number it exists for valid', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }), (first11) => {
				const digit = checkDigit(first11);
				if (digit === null) return true;
				const number = `${first11.join('')}${digit}`;
				const result = checkBin(number);
				// Whatever else is wrong with the number, it is never the checksum.
				return result.isValid || result.problem !== 'checksum';
			})
		);
	});
});

describe('BIN', () => {
	it.each(['940140000385', '990140004654', '070941024691'])('accepts the valid BIN %s', (bin) => {
		expect(checkBin(bin)).toEqual({ isValid: true });
	});

	it.each([
		['940140000386', 'checksum'],
		['941340000385', 'month'],
		['940170000385', 'entity_type'],
		['940148000385', 'division'],
		['94014000038', 'format']
	])('refuses %s (%s)', (bin, problem) => {
		expect(checkBin(bin)).toEqual({ isValid: false, problem });
	});

	it('never accepts random 12-digit strings whose check digit is wrong', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{12}$/), (value) => {
				const digits = [...value].map(Number);
				const expected = checkDigit(digits.slice(0, 11));
				if (expected === digits[11]) return true;
				return !checkBin(value).isValid && !checkIin(value).isValid;
			})
		);
	});
});

describe('maskIdentifier', () => {
	it('hides the middle of an IIN for logs', () => {
		expect(maskIdentifier('871008401427')).toBe('8710•••••427');
		expect(maskIdentifier('123')).toBe('•••');
	});
});
