import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../access/actor.ts';
import { getDb } from '../app-context.ts';
import type { Area } from '../applications/find-own-application.ts';
import { markThreadRead } from '../applications/read-thread.ts';
import { readFormFields } from './form.ts';
import { runOperation } from './run-operation.ts';

/**
 * A live page saw messages arrive: the thread is read up to the newest one it showed (`upTo`, a
 * form field, so the portal's origin check applies). Answers 204; a mark never moves back.
 */
export async function markShownRead(event: Pick<RequestEvent, 'request' | 'params'>, actor: Actor, area: Area): Promise<Response> {
	const fields = await readFormFields(event.request);
	const upTo = Number.parseInt(fields.upTo ?? '', 10);
	if (!Number.isSafeInteger(upTo) || upTo < 1) return new Response(null, { status: 400 });
	await runOperation(async () => markThreadRead(await getDb(), actor, event.params.number!, upTo, area));
	return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
