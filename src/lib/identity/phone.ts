import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneCheck = { isValid: true; e164: string } | { isValid: false; problem: 'format' | 'not_mobile' };

/**
 * Normalises a Kazakhstan mobile number as people type it (`8 701 …`, `+7 (701) …`, `7701…`,
 * `701…`) to E.164 (`+77011234567`). Landlines and numbers of other countries are refused: codes
 * are sent by SMS.
 */
export function normalizeKazakhMobile(input: string): PhoneCheck {
	let value = input.trim();
	// The domestic trunk prefix 8 (8 701 123 45 67) is what most people type.
	const digits = value.replace(/\D/g, '');
	if (/^8\d{10}$/.test(digits) && !value.startsWith('+')) value = `+7${digits.slice(1)}`;
	const phone = parsePhoneNumberFromString(value, 'KZ');
	if (!phone || !phone.isValid() || phone.country !== 'KZ') return { isValid: false, problem: 'format' };
	const type = phone.getType();
	if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { isValid: false, problem: 'not_mobile' };
	return { isValid: true, e164: phone.number };
}

/** The digits-only form SMS gateways want (77011234567). */
export const gatewayNumber = (e164: string) => e164.replace(/^\+/, '');

/** Shows a number with its middle hidden: +7 701 ••• •• 67. */
export function maskPhone(e164: string): string {
	return /^\+7\d{10}$/.test(e164) ? `+7 ${e164.slice(2, 5)} ••• •• ${e164.slice(10)}` : '•••';
}
