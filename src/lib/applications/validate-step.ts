import { checkBin, checkIin, normalizeIdentifier } from '../identity/iin-bin.ts';
import { normalizeKazakhMobile } from '../identity/phone.ts';
import { hasInvalidCharacters, INVALID_CHARACTERS_MESSAGE, withoutInvalidCharacters } from '../schemas/text.ts';
import type { FieldDefinition, StepDefinition } from './form-definition.ts';

/** A step's answers as posted: strings, with table rows as arrays of objects. */
export type StepAnswers = Record<string, unknown>;
export type StepValue = string | number | boolean | null | Record<string, string | number | boolean | null>[];

export interface StepValidation {
	/** Normalised answers, ready to store (what was typed is kept even when wrong). */
	values: Record<string, StepValue>;
	/** Problems as message keys, by field key; table cells as `table.row.column`. */
	errors: Record<string, string>;
	isComplete: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || value === false;
}

/** Checks one simple (non-table) field; returns the value to store and a problem, if any. */
function checkField(field: FieldDefinition, raw: unknown): { value: string | number | boolean | null; error?: string } {
	if (field.type === 'checkbox') {
		const isChecked = raw === true || raw === 'on' || raw === 'yes' || raw === 'true';
		return { value: isChecked, error: field.isRequired && !isChecked ? 'error_required' : undefined };
	}
	const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
	if (text === '') return { value: null, error: field.isRequired ? 'error_required' : undefined };
	// Before any other check: whatever the field, the value is stored (even when wrong), and
	// PostgreSQL's jsonb cannot hold NUL. What is kept is the text without the refused characters.
	const kind = field.type === 'long_text' ? 'multi_line' : 'single_line';
	if (hasInvalidCharacters(text, kind)) return { value: withoutInvalidCharacters(text, kind).trim() || null, error: INVALID_CHARACTERS_MESSAGE };
	switch (field.type) {
		case 'number':
		case 'money': {
			// People type "1 250 000,50" as often as "1250000.50".
			const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
			const number = Number(compact);
			// Tiyn are checked on the digits typed: in binary floating point 325194484.09 × 100 is not whole.
			if (!Number.isFinite(number) || (field.type === 'money' && !/^[-+]?\d+(\.\d{1,2})?$/.test(compact))) return { value: text, error: 'error_number' };
			if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) return { value: number, error: 'error_number_range' };
			return { value: number };
		}
		case 'date': {
			const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
			if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) return { value: text, error: 'error_date' };
			return { value: text };
		}
		case 'select':
		case 'radio':
			return field.options?.some((option) => option.value === text) ? { value: text } : { value: text, error: 'error_choice' };
		case 'iin_bin': {
			const identifier = normalizeIdentifier(text);
			return checkIin(identifier).isValid || checkBin(identifier).isValid ? { value: identifier } : { value: text, error: 'error_iin_invalid' };
		}
		case 'phone': {
			const phone = normalizeKazakhMobile(text);
			return phone.isValid ? { value: phone.e164 } : { value: text, error: `error_phone_${phone.problem}` };
		}
		case 'email':
			return EMAIL.test(text) && text.length <= 254 ? { value: text } : { value: text, error: 'error_email' };
		default: {
			const value = field.isCode ? text.replace(/[\s-]+/g, '').toUpperCase() : text;
			if (field.maxLength !== undefined && [...value].length > field.maxLength) return { value, error: 'error_too_long' };
			if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(value)) return { value, error: 'error_format' };
			if (field.checksum === 'iban' && !isIbanChecksumValid(value)) return { value, error: 'error_iban_checksum' };
			return { value };
		}
	}
}

/** ISO 13616: the country code and check digits moved to the end, letters as numbers, modulo 97 is 1. */
export function isIbanChecksumValid(iban: string): boolean {
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) return false;
	const digits = [...(iban.slice(4) + iban.slice(0, 4))].map((c) => Number.parseInt(c, 36).toString()).join('');
	let remainder = 0;
	for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
	return remainder === 1;
}

/**
 * Validates the answers of one step on the server. Everything typed comes back in `values`, so the
 * page can show it again next to its error; the step is complete only with no error at all.
 * Documents are checked apart, where the files are.
 */
export function validateStep(step: StepDefinition, answers: StepAnswers): StepValidation {
	const values: Record<string, StepValue> = {};
	const errors: Record<string, string> = {};
	for (const field of step.fields) {
		const raw = answers[field.key];
		if (field.type !== 'table') {
			const checked = checkField(field, raw);
			values[field.key] = checked.value;
			if (checked.error) errors[field.key] = checked.error;
			continue;
		}
		const rows = (Array.isArray(raw) ? raw : []).filter((row): row is Record<string, unknown> => !!row && typeof row === 'object');
		// A row left entirely empty is not a row.
		const filled = rows.filter((row) => (field.columns ?? []).some((column) => !isBlank(row[column.key])));
		values[field.key] = filled.map((row, rowIndex) => {
			const stored: Record<string, string | number | boolean | null> = {};
			for (const column of field.columns ?? []) {
				const checked = checkField(column, row[column.key]);
				stored[column.key] = checked.value;
				if (checked.error) errors[`${field.key}.${rowIndex}.${column.key}`] = checked.error;
			}
			return stored;
		});
		const minRows = field.minRows ?? (field.isRequired ? 1 : 0);
		if (filled.length < minRows) errors[field.key] = filled.length === 0 ? 'error_required' : 'error_table_rows';
		if (field.maxRows !== undefined && filled.length > field.maxRows) errors[field.key] = 'error_table_rows';
	}
	return { values, errors, isComplete: Object.keys(errors).length === 0 };
}

/** The sum of a money column over a table's rows, in tenge (as the promotion-expenses table totals). */
export function columnTotal(rows: StepValue, columnKey: string): number {
	if (!Array.isArray(rows)) return 0;
	const cents = rows.reduce((sum, row) => sum + (typeof row[columnKey] === 'number' ? Math.round((row[columnKey] as number) * 100) : 0), 0);
	return cents / 100;
}
