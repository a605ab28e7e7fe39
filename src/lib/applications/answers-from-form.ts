import type { StepDefinition } from './form-definition.ts';
import type { StepAnswers } from './validate-step.ts';

/** More rows than any form allows are not read at all. */
const MAX_ROWS_READ = 200;

/**
 * A step's answers from posted form fields: simple fields by key, table cells as `table.row.column`
 * gathered into rows (in row order, gaps closed). Unknown names are ignored.
 */
export function answersFromForm(step: StepDefinition, fields: Record<string, string>): StepAnswers {
	const answers: StepAnswers = {};
	for (const field of step.fields) {
		if (field.type !== 'table') {
			if (field.key in fields) answers[field.key] = fields[field.key];
			continue;
		}
		const rows = new Map<number, Record<string, string>>();
		const prefix = `${field.key}.`;
		for (const [name, value] of Object.entries(fields)) {
			if (!name.startsWith(prefix)) continue;
			const [rowText, columnKey] = name.slice(prefix.length).split('.');
			const row = Number(rowText);
			if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS_READ || !field.columns?.some((column) => column.key === columnKey)) continue;
			rows.set(row, { ...rows.get(row), [columnKey!]: value });
		}
		answers[field.key] = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
	}
	return answers;
}
