/**
 * Kazakhstan's 12-digit identifiers: IIN (ЖСН/ИИН) for people, BIN (БСН/БИН) for legal entities.
 * Both end in a check digit computed the same way; the first digits carry a birth date (IIN) or a
 * registration month, entity type and division (BIN), which are checked too.
 */

export type IdentifierProblem = 'format' | 'checksum' | 'date' | 'century' | 'month' | 'entity_type' | 'division';

export type IdentifierCheck = { isValid: true } | { isValid: false; problem: IdentifierProblem };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit of the first 11 digits, or null when both weightings give 10 (no valid number). */
export function checkDigit(first11: readonly number[]): number | null {
	const weighted = (weights: number[]) => first11.reduce((sum, digit, i) => sum + digit * weights[i]!, 0) % 11;
	const first = weighted(FIRST_WEIGHTS);
	if (first !== 10) return first;
	const second = weighted(SECOND_WEIGHTS);
	return second === 10 ? null : second;
}

function digitsOf(value: string): number[] | null {
	return /^\d{12}$/.test(value) ? [...value].map(Number) : null;
}

function hasValidCheckDigit(digits: number[]): boolean {
	return checkDigit(digits.slice(0, 11)) === digits[11];
}

/** Removes spaces and dashes people type inside the number. */
export function normalizeIdentifier(input: string): string {
	return input.replace(/[\s-]/g, '');
}

export function checkIin(input: string): IdentifierCheck {
	const digits = digitsOf(normalizeIdentifier(input));
	if (!digits) return { isValid: false, problem: 'format' };
	const centuryDigit = digits[6]!;
	if (centuryDigit < 1 || centuryDigit > 6) return { isValid: false, problem: 'century' };
	const century = 1800 + Math.floor((centuryDigit - 1) / 2) * 100;
	const year = century + digits[0]! * 10 + digits[1]!;
	const month = digits[2]! * 10 + digits[3]!;
	const day = digits[4]! * 10 + digits[5]!;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { isValid: false, problem: 'date' };
	if (!hasValidCheckDigit(digits)) return { isValid: false, problem: 'checksum' };
	return { isValid: true };
}

export function checkBin(input: string): IdentifierCheck {
	const digits = digitsOf(normalizeIdentifier(input));
	if (!digits) return { isValid: false, problem: 'format' };
	const month = digits[2]! * 10 + digits[3]!;
	if (month < 1 || month > 12) return { isValid: false, problem: 'month' };
	// 4 resident legal entity, 5 non-resident, 6 individual entrepreneur in joint entrepreneurship.
	if (![4, 5, 6].includes(digits[4]!)) return { isValid: false, problem: 'entity_type' };
	// 0 head office, 1 branch, 2 representative office, 3 farm household.
	if (digits[5]! > 3) return { isValid: false, problem: 'division' };
	if (!hasValidCheckDigit(digits)) return { isValid: false, problem: 'checksum' };
	return { isValid: true };
}

/** Shows an IIN/BIN in logs and audit records with its middle hidden: 8710•••••427. */
export function maskIdentifier(value: string): string {
	const normalized = normalizeIdentifier(value);
	return normalized.length === 12 ? `${normalized.slice(0, 4)}•••••${normalized.slice(9)}` : '•'.repeat(Math.min(normalized.length, 12));
}
