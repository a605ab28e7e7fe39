import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from './form-definition.ts';
import { formatAnswer } from './format-answer.ts';

const label = { kk: 'Өріс', ru: 'Поле', en: 'Field' };
const field = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ key: 'f', type, label, isRequired: false, ...extra });

describe('formatAnswer', () => {
	it('shows money in tenge with tiyn, the same everywhere', () => {
		expect(formatAnswer(field('money'), 1250000.5, 'ru').replace(/\s/g, ' ')).toBe('1 250 000,50 ₸');
		expect(formatAnswer(field('money'), 1500, 'en')).toBe('1,500.00 ₸');
	});

	it('shows a typed date on its own day, in the reader’s language', () => {
		expect(formatAnswer(field('date'), '2026-03-01', 'ru')).toBe('01.03.2026');
		expect(formatAnswer(field('date'), '2026-03-01', 'en')).toBe('01/03/2026');
	});

	it('names choices and yes/no in the reader’s language, and marks blanks', () => {
		const choice = field('select', { options: [{ value: 'astana', label: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana' } }] });
		expect(formatAnswer(choice, 'astana', 'kk')).toBe('Астана қаласы');
		expect(formatAnswer(field('checkbox'), true, 'ru')).toBe('Да');
		expect(formatAnswer(field('text'), null, 'en')).toBe('—');
	});
});
