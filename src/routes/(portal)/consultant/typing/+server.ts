import { getDb } from '#lib/server/app-context.ts';
import { notifyVisitorTyping } from '#lib/server/consultant/typing.ts';
import { visitorOf } from '#lib/server/http/consultant-visitor.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { RequestHandler } from './$types';

/** The visitor is typing: the consultant's page shows it for a few seconds. Nothing is stored. */
export const POST: RequestHandler = async ({ cookies, locals }) => {
	await runOperation(async () => notifyVisitorTyping(await getDb(), visitorOf(cookies, locals.user)));
	return new Response(null, { status: 204 });
};
