import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../access/actor.ts';
import { getDb } from '../app-context.ts';
import type { Area } from '../applications/find-own-application.ts';
import { ATTACHMENT_RULES, postMessage, type PostMessageOutcome } from '../applications/post-message.ts';
import { errorMessageKey } from '../errors.ts';
import { getFileServices } from '../files/get-file-services.ts';
import { receiveForm } from '../files/receive-form.ts';
import { readFormFields } from './form.ts';
import { runOperation } from './run-operation.ts';

/**
 * A message posted from an application's page, on either side: its text, the staff-note box, and a
 * file when one was chosen (the form is multipart). The temp file is gone when this returns; what
 * was typed comes back for the form when the message is refused.
 */
export async function postThreadMessage(event: Pick<RequestEvent, 'request' | 'params'>, actor: Actor, area: Area): Promise<{ outcome: PostMessageOutcome; text: string; field: 'message-text' | 'message-file' }> {
	const services = getFileServices();
	const isMultipart = (event.request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
	const received = isMultipart
		? await runOperation(() => receiveForm(event.request, { maxFileBytes: ATTACHMENT_RULES.maxSizeBytes, tempDirectory: services.tempDirectory, maxFiles: 1, maxFields: 10 }))
		: { fields: await readFormFields(event.request), files: [] };
	const text = typeof received.fields.text === 'string' ? received.fields.text : '';
	try {
		const chosen = received.files.find((entry) => entry.fieldName === 'file' && (entry.error || (entry.file && entry.file.sizeBytes > 0)));
		if (chosen?.error) return { outcome: { status: 'invalid', error: errorMessageKey(chosen.error.code) }, text, field: 'message-file' };
		const attachment = chosen?.file ? { file: chosen.file, storage: services.storage, scanner: services.scanner } : null;
		const outcome = await runOperation(async () => postMessage(await getDb(), actor, { number: event.params.number!, area, text, isNote: received.fields.note === '1', attachment }));
		// A refused file is told at the file's field, anything else at the text's.
		return { outcome, text, field: outcome.status === 'invalid' && outcome.error.startsWith('error_file_') ? 'message-file' : 'message-text' };
	} finally {
		await Promise.all(received.files.map((entry) => entry.discard()));
	}
}
