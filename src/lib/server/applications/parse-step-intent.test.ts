import { describe, expect, it } from 'vitest';
import { parseStepIntent } from './parse-step-intent.ts';

const ID = '0b9d6c1e-3f7a-4c2b-9e8d-5a6b7c8d9e0f';

describe('the step form intent', () => {
	it('is Save when nothing, Save or anything unknown was pressed', () => {
		for (const intent of [undefined, '', 'save', 'SEND', 'send ', 'submit', 'add_row', 'remove']) expect(parseStepIntent(intent), String(intent)).toBe('save');
	});

	it('is Send only for exactly `send`', () => {
		expect(parseStepIntent('send')).toBe('send');
	});

	it('adds a row to a table named by a key, and to no table when the name is no key', () => {
		expect(parseStepIntent('add_row:expenses')).toEqual({ addRow: 'expenses' });
		expect(parseStepIntent('add_row:cost_items2')).toEqual({ addRow: 'cost_items2' });
		for (const intent of ['add_row:', 'add_row:қ', 'add_row:a b', 'add_row:x#y', 'add_row:Expenses', 'add_row:1st', `add_row:${'a'.repeat(65)}`]) {
			expect(parseStepIntent(intent), intent).toEqual({ addRow: null });
		}
	});

	it('removes a document named by a uuid; any other name is a Save', () => {
		expect(parseStepIntent(`remove:${ID}`)).toEqual({ remove: ID });
		expect(parseStepIntent(`remove:${ID.toUpperCase()}`)).toEqual({ remove: ID.toUpperCase() });
		for (const intent of ['remove:', 'remove:42', `remove:${ID}x`, `remove: ${ID}`, "remove:' or 1=1"]) expect(parseStepIntent(intent), intent).toBe('save');
	});
});
