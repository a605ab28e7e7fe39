import { error } from '@sveltejs/kit';
import { canConsult } from '#lib/server/access/consultant-policy.ts';
import { getDb } from '#lib/server/app-context.ts';
import { notifyConsultantTyping } from '#lib/server/consultant/typing.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { RequestHandler } from './$types';

/** The consultant is typing: told to the visitor's page, never stored. */
export const POST: RequestHandler = async ({ locals, params }) => {
	if (!canConsult(locals.user)) error(404, 'not_found');
	await runOperation(async () => notifyConsultantTyping(await getDb(), locals.user!, params.id));
	return new Response(null, { status: 204 });
};
