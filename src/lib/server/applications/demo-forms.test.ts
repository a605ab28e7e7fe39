import { describe, expect, it } from 'vitest';
import {
	CONSULTANT_QUESTION_STEP_KEY,
	DEFAULT_MAX_FILE_BYTES,
	DOCUMENT_TYPES,
	FIELD_TYPES,
	PREFILL_SOURCES,
	type FieldDefinition,
	type StepDefinition
} from '../../applications/form-definition.ts';
import { columnTotal, validateStep } from '../../applications/validate-step.ts';
import { LOCALES, type LocalizedText } from '../../i18n/localized.ts';
import { loadDemoCatalog, loadDemoForms } from '../db/seed/load-demo-data.ts';

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
// The files in demo/forms/ and the passports in demo/catalog.yaml, as the portal reads them.
const { services } = loadDemoCatalog();
const formDefinitions = loadDemoForms();
const forms = Object.entries(formDefinitions);

/** Every field of a form, table columns included, with where it sits. */
function allFields(steps: StepDefinition[]): { path: string; field: FieldDefinition }[] {
	return steps.flatMap((step) =>
		step.fields.flatMap((field) => [
			{ path: `${step.key}.${field.key}`, field },
			...(field.columns ?? []).map((column) => ({ path: `${step.key}.${field.key}.${column.key}`, field: column }))
		])
	);
}

/** Every text a form shows, with where it sits. */
function allTexts(steps: StepDefinition[]): { path: string; text: LocalizedText }[] {
	const texts: { path: string; text: LocalizedText }[] = [];
	for (const step of steps) {
		texts.push({ path: `${step.key} (title)`, text: step.title });
		for (const document of step.documents) texts.push({ path: `${step.key}.${document.key} (document)`, text: document.label });
	}
	for (const { path, field } of allFields(steps)) {
		texts.push({ path: `${path} (label)`, text: field.label });
		if (field.hint) texts.push({ path: `${path} (hint)`, text: field.hint });
		for (const option of field.options ?? []) texts.push({ path: `${path}=${option.value}`, text: option.label });
	}
	return texts;
}

const duplicates = (keys: string[]) => keys.filter((key, index) => keys.indexOf(key) !== index);

function nadlocStep(key: string): StepDefinition {
	const found = formDefinitions['nadloc-promotion-reimbursement']?.find((step) => step.key === key);
	if (!found) throw new Error(`The NADLoC form has no step ${key}`);
	return found;
}

describe('form definitions of the demo services', () => {
	it('cover every service of the catalog and nothing else', () => {
		expect(Object.keys(formDefinitions).sort()).toEqual(services.map((service) => service.slug).sort());
	});

	it.each(forms)('%s has 3 to 6 steps ending with the consultant question', (_slug, steps) => {
		expect(steps.length).toBeGreaterThanOrEqual(3);
		expect(steps.length).toBeLessThanOrEqual(6);
		expect(steps.filter((step) => step.key === CONSULTANT_QUESTION_STEP_KEY)).toHaveLength(1);
		const last = steps.at(-1)!;
		expect(last.key).toBe(CONSULTANT_QUESTION_STEP_KEY);
		expect(last.title).toEqual({ kk: 'Кеңесшіге сұрақ қойыңыз', ru: 'Задайте вопрос консультанту', en: 'Ask the consultant a question' });
		expect(last.fields).toHaveLength(1);
		expect(last.fields[0]).toMatchObject({ type: 'long_text', isRequired: false, maxLength: 2000 });
		expect(last.documents.every((document) => !document.isRequired)).toBe(true);
	});

	it.each(forms)('%s has format patterns that compile and a hint beside each', (_slug, steps) => {
		for (const field of steps.flatMap((step) => step.fields.flatMap((f) => [f, ...(f.columns ?? [])]))) {
			if (!field.pattern) continue;
			expect(() => new RegExp(`^(?:${field.pattern})$`, 'u'), field.key).not.toThrow();
			expect(field.hint, field.key).toBeDefined();
		}
	});

	it.each(forms)('%s speaks Kazakh, Russian and English everywhere', (_slug, steps) => {
		const blank = allTexts(steps)
			.filter(({ text }) => LOCALES.some((locale) => !text[locale] || text[locale].trim() === ''))
			.map(({ path }) => path);
		expect(blank).toEqual([]);
	});

	it.each(forms)('%s has snake_case keys, unique within the form', (_slug, steps) => {
		const stepKeys = steps.map((step) => step.key);
		const fieldKeys = steps.flatMap((step) => step.fields.map((field) => field.key));
		const documentKeys = steps.flatMap((step) => step.documents.map((document) => document.key));
		expect(duplicates(stepKeys)).toEqual([]);
		expect(duplicates(fieldKeys)).toEqual([]);
		expect(duplicates(documentKeys)).toEqual([]);
		for (const field of steps.flatMap((step) => step.fields)) {
			if (field.columns) expect(duplicates(field.columns.map((column) => column.key))).toEqual([]);
		}
		const keys = [...stepKeys, ...allFields(steps).map(({ field }) => field.key), ...documentKeys];
		expect(keys.filter((key) => !SNAKE_CASE.test(key))).toEqual([]);
	});

	it.each(forms)('%s has fields a form can show and check', (_slug, steps) => {
		for (const { path, field } of allFields(steps)) {
			expect(FIELD_TYPES, path).toContain(field.type);
			if (field.prefill) expect(PREFILL_SOURCES, path).toContain(field.prefill);
			if (field.type === 'select' || field.type === 'radio') {
				const values = (field.options ?? []).map((option) => option.value);
				expect(values.length, path).toBeGreaterThanOrEqual(2);
				expect(duplicates(values), path).toEqual([]);
			} else {
				expect(field.options, path).toBeUndefined();
			}
			if (field.type === 'text' || field.type === 'long_text') expect(field.maxLength, path).toBeGreaterThan(0);
			if (field.type === 'money') {
				expect(field.min, path).toBe(0);
				expect(field.max, path).toBeGreaterThan(0);
			}
			if (field.type === 'number') expect(field.min! <= field.max!, path).toBe(true);
		}
	});

	it.each(forms)('%s has tables of simple columns whose totals are money', (_slug, steps) => {
		for (const field of steps.flatMap((step) => step.fields)) {
			if (field.type !== 'table') {
				expect(field.columns, field.key).toBeUndefined();
				expect(field.totalColumns, field.key).toBeUndefined();
				continue;
			}
			expect(field.columns?.length, field.key).toBeGreaterThan(0);
			for (const column of field.columns ?? []) {
				expect(column.type, `${field.key}.${column.key}`).not.toBe('table');
				expect(column.prefill, `${field.key}.${column.key}`).toBeUndefined();
			}
			expect(field.maxRows, field.key).toBeGreaterThanOrEqual(Math.max(field.minRows ?? 0, 1));
			for (const total of field.totalColumns ?? []) {
				expect(field.columns?.find((column) => column.key === total)?.type, `${field.key} total ${total}`).toBe('money');
			}
		}
	});

	it.each(forms)('%s asks for documents with sensible limits', (_slug, steps) => {
		for (const document of steps.flatMap((step) => step.documents)) {
			expect(document.allowedTypes.length, document.key).toBeGreaterThan(0);
			expect(document.allowedTypes.every((type) => (DOCUMENT_TYPES as readonly string[]).includes(type)), document.key).toBe(true);
			expect(document.maxSizeBytes, document.key).toBeGreaterThan(0);
			expect(document.maxSizeBytes, document.key).toBeLessThanOrEqual(DEFAULT_MAX_FILE_BYTES);
			expect(document.minFiles, document.key).toBe(document.isRequired ? 1 : 0);
			expect(document.maxFiles, document.key).toBeGreaterThanOrEqual(Math.max(document.minFiles, 1));
			expect(document.maxFiles, document.key).toBeLessThanOrEqual(10);
		}
	});

	it.each(services.map((service) => [service.slug, service] as const))('%s asks for at least the documents its passport requires', (slug, service) => {
		const passportRequired = service.requiredDocuments.filter((document) => document.isRequired !== false).length;
		const passportOptional = service.requiredDocuments.length - passportRequired;
		const documents = (formDefinitions[slug] ?? []).filter((step) => step.key !== CONSULTANT_QUESTION_STEP_KEY).flatMap((step) => step.documents);
		expect(documents.filter((document) => document.isRequired).length).toBeGreaterThanOrEqual(passportRequired);
		expect(documents.filter((document) => !document.isRequired).length).toBeGreaterThanOrEqual(passportOptional);
	});
});

describe('the NADLoC promotion reimbursement form', () => {
	const steps = formDefinitions['nadloc-promotion-reimbursement']!;

	it('collects the company, the products, the expenses and the bank details', () => {
		expect(steps.map((step) => step.key)).toEqual(['company', 'promoted_products', 'promotion_expenses', 'bank_details', CONSULTANT_QUESTION_STEP_KEY]);
		const region = nadlocStep('company').fields.find((field) => field.key === 'company_region');
		expect(region?.type).toBe('select');
		expect(region?.options).toHaveLength(20);
		expect(region?.options?.map((option) => option.value)).toEqual(expect.arrayContaining(['astana', 'almaty_city', 'shymkent']));
	});

	it('totals the amounts of a table of expenses in tenge', () => {
		const expenses = steps.flatMap((step) => step.fields).find((field) => field.type === 'table' && field.totalColumns?.includes('amount'));
		expect(expenses).toBeDefined();
		expect(expenses?.minRows).toBeGreaterThanOrEqual(1);
		expect(expenses?.columns?.find((column) => column.key === 'amount')).toMatchObject({ type: 'money', min: 0, isRequired: true });
	});

	it('asks for the supporting documents of its passport', () => {
		const documents = steps.flatMap((step) => step.documents);
		expect(documents.length).toBeGreaterThanOrEqual(5);
		expect(documents.filter((document) => document.isRequired).map((document) => document.key)).toEqual(
			expect.arrayContaining(['application_letter', 'state_registration_reference', 'origin_certificate', 'payment_orders', 'bank_account_certificate'])
		);
	});

	it('accepts a correctly filled expenses step and totals it', () => {
		const result = validateStep(nadlocStep('promotion_expenses'), {
			expenses: [
				{
					expense_item: 'exhibition',
					counterparty: 'ТОО «Экспо Сервис»',
					document_number: '15/2025',
					document_date: '2025-03-14',
					amount: '1 250 000'
				},
				{ expense_item: 'catalogue', counterparty: 'ИП Ахметова', document_number: 'СФ-204', document_date: '2025-04-02', amount: '380000,50' }
			],
			expenses_paid_confirmation: 'on'
		});
		expect(result.errors).toEqual({});
		expect(result.isComplete).toBe(true);
		expect(columnTotal(result.values.expenses!, 'amount')).toBe(1630000.5);
	});

	it('rejects an empty expenses step', () => {
		const result = validateStep(nadlocStep('promotion_expenses'), {});
		expect(result.isComplete).toBe(false);
		expect(result.errors).toMatchObject({ expenses: 'error_required', expenses_paid_confirmation: 'error_required' });
	});

	it('rejects a negative amount and an unknown expense item', () => {
		const result = validateStep(nadlocStep('promotion_expenses'), {
			expenses: [{ expense_item: 'bribe', counterparty: 'ТОО «Альфа»', document_number: '1', document_date: '2025-01-10', amount: '-5' }],
			expenses_paid_confirmation: 'on'
		});
		expect(result.errors).toEqual({ 'expenses.0.expense_item': 'error_choice', 'expenses.0.amount': 'error_number_range' });
	});

	it('accepts the company step as a client card would prefill it', () => {
		const result = validateStep(nadlocStep('company'), {
			company_name: 'ТОО «Дала Өнім»',
			company_bin: '940140000385',
			legal_address: 'г. Караганда, ул. Ерубаева, 12, офис 5',
			company_region: 'karaganda',
			oked_code: '10.71.0',
			contact_person: 'Сейткали Айгерим Маратовна',
			contact_phone: '8 701 123 45 67',
			contact_email: 'info@dala.kz'
		});
		expect(result.errors).toEqual({});
	});
});
