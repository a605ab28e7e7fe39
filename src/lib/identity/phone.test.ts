import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatewayNumber, maskPhone, normalizeKazakhMobile } from './phone.ts';

describe('normalizeKazakhMobile', () => {
	it.each(['+7 701 123 45 67', '8 701 123 45 67', '87011234567', '+7 (701) 123-45-67', '77011234567', '7011234567', ' 8(701)1234567 '])('normalises %s', (input) => {
		expect(normalizeKazakhMobile(input)).toEqual({ isValid: true, e164: '+77011234567' });
	});

	it('refuses landlines, foreign numbers and garbage', () => {
		expect(normalizeKazakhMobile('+7 7172 27 04 60')).toEqual({ isValid: false, problem: 'not_mobile' });
		expect(normalizeKazakhMobile('+7 495 123 45 67')).toEqual({ isValid: false, problem: 'format' });
		expect(normalizeKazakhMobile('+998 90 123 45 67')).toEqual({ isValid: false, problem: 'format' });
		expect(normalizeKazakhMobile('12345')).toEqual({ isValid: false, problem: 'format' });
		expect(normalizeKazakhMobile('')).toEqual({ isValid: false, problem: 'format' });
	});

	it('gives the same number whichever way a mobile number is written', () => {
		const prefixes = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];
		fc.assert(
			fc.property(fc.constantFrom(...prefixes), fc.stringMatching(/^\d{7}$/), (prefix, rest) => {
				const e164 = `+7${prefix}${rest}`;
				const spaced = `${prefix} ${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`;
				const forms = [e164, `8${prefix}${rest}`, `+7 (${prefix}) ${rest.slice(0, 3)}-${rest.slice(3, 5)}-${rest.slice(5)}`, `8 ${spaced}`, `7${prefix}${rest}`];
				return forms.every((form) => {
					const result = normalizeKazakhMobile(form);
					return result.isValid && result.e164 === e164;
				});
			})
		);
	});

	it('never throws, whatever is typed', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), (input) => {
				const result = normalizeKazakhMobile(input);
				return result.isValid ? /^\+77\d{9}$/.test(result.e164) : true;
			})
		);
	});
});

describe('gateway and masked forms', () => {
	it('strips the plus for gateways and hides the middle for logs', () => {
		expect(gatewayNumber('+77011234567')).toBe('77011234567');
		expect(maskPhone('+77011234567')).toBe('+7 701 ••• •• 67');
	});
});
