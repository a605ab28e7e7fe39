import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputText } from './input-text.ts';
import { validateStep } from './validate-step.ts';
import type { StepDefinition } from './form-definition.ts';

describe('an answer back in its input', () => {
	it('groups money by thousands with a decimal comma', () => {
		expect(inputText({ type: 'money' }, 1_250_000.5)).toBe('1 250 000,50');
		expect(inputText({ type: 'money' }, 1_250_000)).toBe('1 250 000');
		expect(inputText({ type: 'money' }, 999.99)).toBe('999,99');
		expect(inputText({ type: 'money' }, 0)).toBe('0');
	});

	it('leaves other values as stored', () => {
		expect(inputText({ type: 'number' }, 1250000)).toBe('1250000');
		expect(inputText({ type: 'text' }, 'ТОО «Дала»')).toBe('ТОО «Дала»');
		expect(inputText({ type: 'money' }, null)).toBe('');
		expect(inputText({ type: 'money' }, 'typed 12,3,4')).toBe('typed 12,3,4');
	});

	it('is read back by the step validation as the same amount', () => {
		const step = { key: 's', title: { kk: 's', ru: 's', en: 's' }, fields: [{ key: 'amount', type: 'money', label: { kk: 'a', ru: 'a', en: 'a' }, isRequired: true }], documents: [] } as unknown as StepDefinition;
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (tiyn) => {
				const amount = tiyn / 100;
				const { values, errors } = validateStep(step, { amount: inputText({ type: 'money' }, amount) });
				expect(errors).toEqual({});
				expect(values.amount).toBe(amount);
			})
		);
	});
});
