import { describe, expect, it } from 'vitest';
import { answersFromForm } from './answers-from-form.ts';
import type { StepDefinition } from './form-definition.ts';

const label = { kk: 'a', ru: 'a', en: 'a' };
const step: StepDefinition = {
	key: 'expenses',
	title: label,
	documents: [],
	fields: [
		{ key: 'name', type: 'text', label, isRequired: true },
		{ key: 'agree', type: 'checkbox', label, isRequired: false },
		{
			key: 'costs',
			type: 'table',
			label,
			isRequired: true,
			columns: [
				{ key: 'item', type: 'text', label, isRequired: true },
				{ key: 'amount', type: 'money', label, isRequired: true }
			]
		}
	]
};

describe('answersFromForm', () => {
	it('gathers simple fields and table rows in row order', () => {
		const answers = answersFromForm(step, { name: 'Дала', 'costs.2.item': 'Көрме', 'costs.2.amount': '500', 'costs.0.item': 'Каталог', 'costs.0.amount': '100', other: 'x' });
		expect(answers).toEqual({
			name: 'Дала',
			costs: [
				{ item: 'Каталог', amount: '100' },
				{ item: 'Көрме', amount: '500' }
			]
		});
	});

	it('ignores unknown columns, absurd row numbers and a missing checkbox', () => {
		const answers = answersFromForm(step, { 'costs.9999.item': 'x', 'costs.1.evil': 'y', 'costs.-1.item': 'z', 'costs.x.item': 'w' });
		expect(answers).toEqual({ costs: [] });
	});
});
