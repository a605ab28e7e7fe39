import { describe, expect, it } from 'vitest';
import type { StepDefinition } from './form-definition.ts';
import { stepStatuses } from './step-status.ts';

const label = { kk: 'a', ru: 'a', en: 'a' };
const steps: StepDefinition[] = [
	{ key: 'company', title: label, fields: [], documents: [] },
	{
		key: 'documents',
		title: label,
		fields: [],
		documents: [
			{ key: 'charter', label, allowedTypes: ['pdf'], maxSizeBytes: 1000, minFiles: 0, maxFiles: 2, isRequired: true },
			{ key: 'extra', label, allowedTypes: ['pdf'], maxSizeBytes: 1000, minFiles: 0, maxFiles: 1, isRequired: false }
		]
	}
];

describe('stepStatuses', () => {
	it('marks a step complete only when saved complete with its required documents', () => {
		const statuses = stepStatuses(steps, [{ stepKey: 'company', isComplete: true }, { stepKey: 'documents', isComplete: true }], {});
		expect(statuses.map((s) => s.isComplete)).toEqual([true, false]);
		expect(statuses[1]!.missingDocuments).toEqual(['charter']);
		expect(stepStatuses(steps, [{ stepKey: 'documents', isComplete: true }], { charter: 1 })[1]!.isComplete).toBe(true);
	});

	it('leaves unsaved and incomplete steps without a check mark', () => {
		const statuses = stepStatuses(steps, [{ stepKey: 'company', isComplete: false }], { charter: 1 });
		expect(statuses.map((s) => [s.isSaved, s.isComplete])).toEqual([
			[true, false],
			[false, false]
		]);
	});

	it('counts too many files as a problem', () => {
		expect(stepStatuses(steps, [{ stepKey: 'documents', isComplete: true }], { charter: 3 })[1]!.missingDocuments).toEqual(['charter']);
	});
});
