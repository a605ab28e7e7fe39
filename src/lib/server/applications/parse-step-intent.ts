import { isUuid } from '../uuid.ts';

/**
 * What the step form's pressed button asks for. Save, «Add a row», removing a file and Send all
 * post the same form, so the answers are saved whichever it was; this says what happens next.
 * `addRow: null` is «Add a row» naming no usable table: the step is shown again, with no fragment.
 */
export type StepIntent = 'save' | 'send' | { addRow: string | null } | { remove: string };

// A table key as form definitions make them; it becomes the URL fragment of the table (`#f-<key>`),
// so nothing else may pass.
const TABLE_KEY = /^[a-z][a-z0-9_]{0,63}$/;

/** The posted `intent` field as a typed intent; anything unknown is a Save. */
export function parseStepIntent(intent: string | undefined): StepIntent {
	if (intent === 'send') return 'send';
	if (intent?.startsWith('add_row:')) {
		const tableKey = intent.slice('add_row:'.length);
		return { addRow: TABLE_KEY.test(tableKey) ? tableKey : null };
	}
	if (intent?.startsWith('remove:')) {
		// Checked here, before it reaches the uuid column.
		const documentId = intent.slice('remove:'.length);
		return isUuid(documentId) ? { remove: documentId } : 'save';
	}
	return 'save';
}
