import { answersFromForm } from '../../applications/answers-from-form.ts';
import type { StepValidation } from '../../applications/validate-step.ts';
import type { SessionUser } from '../accounts/session.ts';
import type { Database } from '../db/client.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import type { ReceivedFormFile } from '../files/receive-form.ts';
import { attachStepFiles, type StepFileServices } from './attach-step-files.ts';
import { findOwnStep } from './find-own-application.ts';
import { parseStepIntent } from './parse-step-intent.ts';
import { removeDocument } from './remove-document.ts';
import { saveStep } from './save-step.ts';
import { submitApplication } from './submit-application.ts';

export type StepFormOutcome =
	/** Save; `isComplete` tells whether the answers had no problem (documents are counted when the step is shown). */
	| { status: 'saved'; isComplete: boolean }
	/** «Add a row»: the step is shown again at that table (or at the top, when `tableKey` is null). */
	| { status: 'row_added'; tableKey: string | null }
	| { status: 'document_removed' }
	| { status: 'submitted' }
	/** Send refused: these steps are still to do. */
	| { status: 'incomplete'; stepKeys: string[] }
	/** The application was sent meanwhile (another tab, a double click); `wasSend` if this post was a Send too. */
	| { status: 'already_sent'; wasSend: boolean }
	/** A file was refused: codes by requirement, with the answers' problems (message keys by field) to show beside them. */
	| { status: 'document_problems'; documentErrors: Record<string, ErrorCode>; errors: Record<string, string> };

export interface StepFormInput {
	number: string;
	stepKey: string;
	/** The posted text fields: answers, `intent`, `submissionKey`, `replace:<requirement>`. */
	fields: Record<string, string>;
	/** The files received with the form, still in the temp directory; all are discarded here. */
	files: ReceivedFormFile[];
	ipAddress?: string;
}

/**
 * The step's one form, whichever button posted it: what was typed is saved first, then the files are
 * attached, then the button's intent is carried out (add a row, remove a file, send).
 */
export async function postStepForm(db: Database, services: StepFileServices, user: SessionUser, input: StepFormInput): Promise<StepFormOutcome> {
	const intent = parseStepIntent(input.fields.intent);
	const submissionKey = input.fields.submissionKey ?? '';
	let validation: StepValidation | null;
	try {
		validation = await saveAnswers(db, user, input);
	} catch (cause) {
		await discardAll(input.files);
		throw cause;
	}
	if (!validation) {
		// Sent meanwhile: nothing is kept. A repeated Send is told it was sent (as often as it comes,
		// if it is the same form: the submission key), anything else sees the application as it is now.
		await discardAll(input.files);
		if (intent === 'send') await submitApplication(db, user, { number: input.number, submissionKey, ipAddress: input.ipAddress });
		return { status: 'already_sent', wasSend: intent === 'send' };
	}
	const documentErrors = await attachStepFiles(db, services, user, { number: input.number, files: input.files, fields: input.fields, ipAddress: input.ipAddress });

	if (typeof intent === 'object' && 'remove' in intent) {
		await removeDocument(db, services.storage, user, { number: input.number, documentId: intent.remove, ipAddress: input.ipAddress });
	}
	if (Object.keys(documentErrors).length > 0) return { status: 'document_problems', documentErrors, errors: validation.errors };
	if (intent === 'send') {
		const submitted = await submitApplication(db, user, { number: input.number, submissionKey, ipAddress: input.ipAddress });
		return submitted.status === 'submitted' ? { status: 'submitted' } : { status: 'incomplete', stepKeys: submitted.stepKeys };
	}
	if (typeof intent === 'object') return 'addRow' in intent ? { status: 'row_added', tableKey: intent.addRow } : { status: 'document_removed' };
	return { status: 'saved', isComplete: validation.isComplete };
}

/** Saves the step's answers as typed; null when the application is no longer a draft. */
async function saveAnswers(db: Database, user: SessionUser, input: StepFormInput): Promise<StepValidation | null> {
	const { step } = await findOwnStep(db, user, input.number, input.stepKey);
	try {
		return await saveStep(db, user, { number: input.number, stepKey: step.key, answers: answersFromForm(step, input.fields) });
	} catch (cause) {
		if (cause instanceof AppError && cause.code === 'application.not_editable') return null;
		throw cause;
	}
}

async function discardAll(files: ReceivedFormFile[]): Promise<void> {
	await Promise.all(files.map((entry) => entry.discard()));
}
