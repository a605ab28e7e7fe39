import { describe, expect, it } from 'vitest';
import type { StepDefinition } from './form-definition.ts';
import { columnTotal, validateStep } from './validate-step.ts';

const label = { kk: 'Өріс', ru: 'Поле', en: 'Field' };
const step: StepDefinition = {
	key: 'company',
	title: { kk: 'Компания', ru: 'Компания', en: 'Company' },
	documents: [],
	fields: [
		{ key: 'name', type: 'text', label, isRequired: true, maxLength: 10 },
		{ key: 'bin', type: 'iin_bin', label, isRequired: true },
		{ key: 'phone', type: 'phone', label, isRequired: false },
		{ key: 'email', type: 'email', label, isRequired: false },
		{ key: 'founded', type: 'date', label, isRequired: false },
		{ key: 'region', type: 'select', label, isRequired: true, options: [{ value: 'astana', label }, { value: 'almaty', label }] },
		{ key: 'agree', type: 'checkbox', label, isRequired: true },
		{
			key: 'expenses',
			type: 'table',
			label,
			isRequired: true,
			maxRows: 3,
			columns: [
				{ key: 'item', type: 'text', label, isRequired: true },
				{ key: 'amount', type: 'money', label, isRequired: true, min: 0 }
			]
		}
	]
};

describe('validateStep', () => {
	it('completes a step with every answer right, normalising what people type', () => {
		const result = validateStep(step, {
			name: ' Дала ',
			bin: '9401 4000 0385',
			phone: '8 701 123 45 67',
			email: 'info@dala.kz',
			founded: '2015-03-01',
			region: 'almaty',
			agree: 'on',
			expenses: [
				{ item: 'Көрме', amount: '1 250 000,50' },
				{ item: '', amount: '' },
				{ item: 'Жарнама', amount: '300000' }
			]
		});
		expect(result.errors).toEqual({});
		expect(result.isComplete).toBe(true);
		expect(result.values).toMatchObject({ name: 'Дала', bin: '940140000385', phone: '+77011234567', agree: true });
		expect(result.values.expenses).toEqual([
			{ item: 'Көрме', amount: 1250000.5 },
			{ item: 'Жарнама', amount: 300000 }
		]);
		expect(columnTotal(result.values.expenses!, 'amount')).toBe(1550000.5);
	});

	it('lists every problem, keeps what was typed, and points into table cells', () => {
		const result = validateStep(step, {
			name: 'A very long company name',
			bin: '940140000386',
			phone: '12345',
			email: 'nope',
			founded: '2015-02-30',
			region: 'mars',
			expenses: [{ item: 'Көрме', amount: 'a lot' }]
		});
		expect(result.isComplete).toBe(false);
		expect(result.errors).toEqual({
			name: 'error_too_long',
			bin: 'error_iin_invalid',
			phone: 'error_phone_format',
			email: 'error_email',
			founded: 'error_date',
			region: 'error_choice',
			agree: 'error_required',
			'expenses.0.amount': 'error_number'
		});
		expect(result.values.bin).toBe('940140000386');
		expect(result.values.expenses).toEqual([{ item: 'Көрме', amount: 'a lot' }]);
	});

	it('asks for at least one row of a required table and refuses too many', () => {
		expect(validateStep(step, { expenses: [] }).errors.expenses).toBe('error_required');
		const rows = Array.from({ length: 4 }, (_, i) => ({ item: `x${i}`, amount: '1' }));
		expect(validateStep(step, { expenses: rows }).errors.expenses).toBe('error_table_rows');
	});

	it('refuses money with fractions of a tiyn and numbers out of range', () => {
		const result = validateStep(step, { expenses: [{ item: 'x', amount: '10.005' }, { item: 'y', amount: '-5' }] });
		expect(result.errors['expenses.0.amount']).toBe('error_number');
		expect(result.errors['expenses.1.amount']).toBe('error_number_range');
	});
});

describe('error codes', () => {
	it('each have a message in every language', async () => {
		const { readFileSync } = await import('node:fs');
		const codes = ['error_required', 'error_too_long', 'error_number', 'error_number_range', 'error_date', 'error_choice', 'error_iin_invalid', 'error_phone_format', 'error_phone_not_mobile', 'error_email', 'error_table_rows'];
		for (const locale of ['kk', 'ru', 'en']) {
			const messages = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>;
			expect(codes.filter((code) => typeof messages[code] !== 'string')).toEqual([]);
		}
	});
});

describe('codes and formats', () => {
	const codes: StepDefinition = {
		key: 'bank',
		title: label,
		documents: [],
		fields: [
			{ key: 'iban', type: 'text', label, isRequired: true, maxLength: 20, isCode: true, pattern: 'KZ\\d{2}[0-9A-Z]{16}', checksum: 'iban' },
			{ key: 'kbe', type: 'text', label, isRequired: true, maxLength: 2, pattern: '\\d{2}' }
		]
	};

	it('accepts an IBAN typed with spaces and in lower case, stored compact', () => {
		const result = validateStep(codes, { iban: 'kz75 6010 0020 0012 3456', kbe: '17' });
		expect(result.errors).toEqual({});
		expect(result.values.iban).toBe('KZ756010002000123456');
	});

	it('refuses a wrong format and a wrong check digit, keeping what was typed', () => {
		expect(validateStep(codes, { iban: 'KZ86601000200012345', kbe: '1a' }).errors).toEqual({ iban: 'error_format', kbe: 'error_format' });
		expect(validateStep(codes, { iban: 'KZ866010002000123456', kbe: '17' }).errors).toEqual({ iban: 'error_iban_checksum' });
	});
});

describe('control characters in answers', () => {
	const free: StepDefinition = {
		key: 'free',
		title: label,
		documents: [],
		fields: [
			{ key: 'title', type: 'text', label, isRequired: true },
			{ key: 'story', type: 'long_text', label, isRequired: false },
			{ key: 'count', type: 'number', label, isRequired: false },
			{ key: 'region', type: 'select', label, isRequired: false, options: [{ value: 'astana', label }] },
			{ key: 'rows', type: 'table', label, isRequired: false, columns: [{ key: 'item', type: 'text', label, isRequired: true }] }
		]
	};

	it('are refused in every kind of field, and the values kept to show again carry none of them', () => {
		const result = validateStep(free, { title: 'Нан\u0000 зауыты', story: 'Бір\u001bекі', count: '12\u0000', region: 'astana\u0000', rows: [{ item: '\u0000' }] });
		expect(result.errors).toEqual({ title: 'error_invalid_characters', story: 'error_invalid_characters', count: 'error_invalid_characters', region: 'error_invalid_characters', 'rows.0.item': 'error_invalid_characters' });
		expect(result.values).toEqual({ title: 'Нан зауыты', story: 'Бірекі', count: '12', region: 'astana', rows: [{ item: null }] });
		expect(JSON.stringify(result.values)).not.toMatch(/\\u00/);
	});

	it('let tabs and line breaks into long text only', () => {
		expect(validateStep(free, { title: 'Нан зауыты', story: 'Бірінші жол\r\n\tекінші жол' }).errors).toEqual({});
		expect(validateStep(free, { title: 'Нан\tзауыты' }).errors).toEqual({ title: 'error_invalid_characters' });
	});

	it('include half of a surrogate pair, which jsonb refuses too', () => {
		expect(validateStep(free, { title: 'Нан \ud83d зауыты' }).errors).toEqual({ title: 'error_invalid_characters' });
		expect(validateStep(free, { title: 'Нан 🍞 зауыты' }).errors).toEqual({});
	});
});
