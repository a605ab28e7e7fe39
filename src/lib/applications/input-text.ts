import type { FieldDefinition } from './form-definition.ts';

/**
 * A stored answer as it goes back into its input for editing. Money is grouped by thousands with
 * a decimal comma («1 250 000,50»), as people here write amounts and as the step's validation
 * reads them back; everything else is shown as stored.
 */
export function inputText(field: Pick<FieldDefinition, 'type'>, value: unknown): string {
	if (value === null || value === undefined || typeof value === 'boolean') return '';
	if (field.type === 'money' && typeof value === 'number' && Number.isFinite(value)) return groupedAmount(value);
	return String(value);
}

function groupedAmount(amount: number): string {
	const [whole, fraction] = Math.abs(amount).toFixed(2).split('.') as [string, string];
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
	return `${amount < 0 ? '-' : ''}${grouped}${fraction === '00' ? '' : `,${fraction}`}`;
}
