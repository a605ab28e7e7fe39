import type { Locale } from '../../i18n/localized.ts';
import type { Actor } from '../access/actor.ts';
import { canConsult } from '../access/consultant-policy.ts';
import { getConsultantEvents, getDb } from '../app-context.ts';
import { touchDuty } from '../consultant/consultant-duty.ts';
import { conversationKey, QUEUE_KEY, type ConversationDetail } from '../consultant/conversation-events.ts';
import { findConversationForConsultant } from '../consultant/find-conversation.ts';
import { conversationMessages } from '../consultant/read-conversation.ts';
import { AppError } from '../errors.ts';
import { showMessages } from './consultant-visitor.ts';
import { eventStream } from './event-stream.ts';
import { runOperation } from './run-operation.ts';

/**
 * The consultant's queue, live: a `queue` event whenever a conversation is started, taken, handed
 * over or closed anywhere, so the page reads the queue again. While it stays open the consultant
 * counts as present on duty.
 */
export async function queueEvents(request: Request, actor: Actor): Promise<Response> {
	if (!canConsult(actor)) throw new AppError('consultant.not_found');
	const db = await getDb();
	const events = await getConsultantEvents();
	let isFirst = true;
	return eventStream<ConversationDetail>(request, {
		subscribe: (listener) => events.subscribe(QUEUE_KEY, listener),
		async update(send) {
			// The first run is the page's own state: nothing to read again yet.
			if (isFirst) return void (isFirst = false);
			send('state', {});
		},
		everyMinute: () => touchDuty(db, actor)
	});
}

/** One conversation on the consultant's side, live: new messages, its state, the visitor typing. */
export async function consultantConversationEvents(request: Request, actor: Actor, publicId: string, locale: Locale, after: number): Promise<Response> {
	const db = await getDb();
	const conversation = await runOperation(() => findConversationForConsultant(db, actor, publicId));
	const events = await getConsultantEvents();
	let lastId = after;
	let lastState = `${conversation.status}:${conversation.consultantUserId}`;
	return eventStream<ConversationDetail>(request, {
		subscribe: (listener) => events.subscribe(conversationKey(conversation.id), listener),
		async update(send, detail) {
			if (detail?.typing === 'visitor') return send('typing', {});
			const current = await findConversationForConsultant(db, actor, publicId);
			for (const message of showMessages(await conversationMessages(db, current.id, locale, lastId), locale, 'consultant')) {
				send('message', message, message.id);
				lastId = message.id;
			}
			const state = `${current.status}:${current.consultantUserId}`;
			if (state !== lastState) send('state', {});
			lastState = state;
		},
		everyMinute: () => touchDuty(db, actor)
	});
}
