import { json } from '@sveltejs/kit';
import { getDb } from '#lib/server/app-context.ts';
import { readThread } from '#lib/server/applications/read-thread.ts';
import { markShownRead } from '#lib/server/http/mark-read.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { RequestHandler } from './$types';

/** The application's thread as JSON, for the page's live updates; the same access rule as the page. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const thread = await runOperation(async () => readThread(await getDb(), locals.user!, params.number, locals.locale));
	return json({ messages: thread.messages }, { headers: { 'Cache-Control': 'no-store' } });
};

/** Messages that arrived live on the open page have been seen. */
export const POST: RequestHandler = async (event) => markShownRead(event, event.locals.user!, 'cabinet');
