import type { LiveMessage } from '../../applications/thread-text.ts';
import { fileSizeText } from '../../i18n/file-size.ts';
import { kazakhstanDateTime } from '../../i18n/formats.ts';
import type { Locale } from '../../i18n/localized.ts';
import { m } from '../../paraglide/messages.js';
import { localizeHref } from '../../paraglide/runtime.js';
import { route } from '../../route.ts';
import type { Actor } from '../access/actor.ts';
import { findApplicationIn, type Area } from '../applications/find-own-application.ts';
import { messagesOf, type ThreadMessage } from '../applications/read-thread.ts';
import { getApplicationEvents, getDb } from '../app-context.ts';
import { runOperation } from './run-operation.ts';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

/** One message as the live thread shows it: everything already in the reader's language. */
function shown(message: ThreadMessage, context: { locale: Locale; area: Area; number: string }): LiveMessage {
	const { locale, area } = context;
	const author =
		message.kind === 'system' ? m.thread_author_system({}, { locale }) : message.isMine ? m.thread_author_me({}, { locale }) : message.kind === 'applicant' ? m.thread_author_applicant({}, { locale }) : m.thread_author_staff({}, { locale });
	const fileRoute = area === 'office' ? route.officeApplicationAttachment : route.applicationAttachment;
	return {
		id: message.id,
		kind: message.kind,
		isMine: message.isMine,
		author,
		note: message.kind === 'note' && area === 'office' ? m.thread_note_label({}, { locale }) : null,
		text: message.text,
		at: message.createdAt.toISOString(),
		time: kazakhstanDateTime(locale, { dateStyle: 'short', timeStyle: 'short' }).format(message.createdAt),
		attachment: message.attachment && { name: message.attachment.name, href: localizeHref(fileRoute(context.number, message.attachment.id), { locale }), size: fileSizeText(message.attachment.sizeBytes, locale) }
	};
}

/**
 * The application's thread as Server-Sent Events: every message after the one the page (or, on a
 * reconnect, the browser's `Last-Event-ID`) last had, then each new one as its transaction commits,
 * on whichever instance it was posted. The same access rule as the page, checked once at the start;
 * reading changes nothing.
 */
export async function threadEvents(input: { actor: Actor; number: string; area: Area; locale: Locale; request: Request; after: string | null }): Promise<Response> {
	const db = await getDb();
	const row = await runOperation(() => findApplicationIn(input.area, db, input.actor, input.number));
	const events = await getApplicationEvents();
	const parsed = Number.parseInt(input.request.headers.get('last-event-id') ?? input.after ?? '0', 10);
	let lastId = Number.isSafeInteger(parsed) && parsed > 0 ? parsed : 0;
	const encoder = new TextEncoder();
	let unsubscribe: (() => void) | null = null;
	let heartbeat: ReturnType<typeof setInterval> | null = null;
	let pending = Promise.resolve();
	let isClosed = false;

	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (text: string) => {
				if (!isClosed) controller.enqueue(encoder.encode(text));
			};
			// One read at a time, in order: notifications that come together are answered by one read.
			const catchUp = () => {
				pending = pending.then(async () => {
					if (isClosed) return;
					try {
						for (const message of await messagesOf(db, input.actor, row.id, { locale: input.locale, area: input.area, afterId: lastId })) {
							send(`id: ${message.id}\nevent: message\ndata: ${JSON.stringify(shown(message, { locale: input.locale, area: input.area, number: row.number }))}\n\n`);
							lastId = message.id;
						}
					} catch (error) {
						// The database away for a moment: the next notification or the browser's reconnect catches up.
						console.error('[realtime] could not read the thread:', error instanceof Error ? error.message : error);
					}
				});
			};
			send('retry: 3000\n\n');
			unsubscribe = await events.subscribe(row.id, catchUp);
			heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
			catchUp();
		},
		cancel() {
			isClosed = true;
			unsubscribe?.();
			if (heartbeat) clearInterval(heartbeat);
		}
	});
	input.request.signal.addEventListener('abort', () => {
		isClosed = true;
		unsubscribe?.();
		if (heartbeat) clearInterval(heartbeat);
	});
	return new Response(stream, {
		headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' }
	});
}
