import type { Cookies } from '@sveltejs/kit';
import { clockText, parseWorkingHours, WEEKDAYS, type WorkingHours } from '../../consultant/working-hours.ts';
import { kazakhstanDateTime } from '../../i18n/formats.ts';
import type { Locale } from '../../i18n/localized.ts';
import type { Visitor } from '../access/consultant-policy.ts';
import { isApplicant, type Actor } from '../access/actor.ts';
import { getConsultantEvents, getDb } from '../app-context.ts';
import { getConfig } from '../config.ts';
import { isConsultantLive } from '../consultant/consultant-duty.ts';
import { conversationKey, QUEUE_KEY, type ConversationDetail } from '../consultant/conversation-events.ts';
import { findVisitorConversation } from '../consultant/find-conversation.ts';
import { conversationMessages, queuePlace, type ConversationMessage } from '../consultant/read-conversation.ts';
import { hashVisitorToken, isVisitorToken, newVisitorToken } from '../consultant/visitor-token.ts';
import { eventStream } from './event-stream.ts';
import { runOperation } from './run-operation.ts';

const COOKIE = 'consultant_visitor';

/** The visitor's identity: their account when signed in as an applicant, and this browser session's token. */
export function visitorOf(cookies: Cookies, user: Actor | null | undefined): Visitor {
	const token = cookies.get(COOKIE);
	return { userId: user && isApplicant(user) ? user.id : null, tokenHash: isVisitorToken(token) ? hashVisitorToken(token) : null };
}

/** As `visitorOf`, giving the browser a token first when it has none (before a conversation starts). */
export function ensureVisitor(cookies: Cookies, url: URL, user: Actor | null | undefined): Visitor {
	if (!isVisitorToken(cookies.get(COOKIE))) {
		// A session cookie: the conversation is found again until the browser closes.
		cookies.set(COOKIE, newVisitorToken(), { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
	}
	return visitorOf(cookies, user);
}

let parsedHours: WorkingHours | null = null;
export function workingHours(): WorkingHours {
	if (!parsedHours) {
		const parsed = parseWorkingHours(getConfig().CONSULTANT_HOURS);
		parsedHours = parsed.ok ? parsed.hours : {};
	}
	return parsedHours;
}

/** The hours as visitors read them: one line per day with hours, `mon 09:00–18:00`. */
export function hoursList(): { day: (typeof WEEKDAYS)[number]; from: string; to: string }[] {
	const hours = workingHours();
	return WEEKDAYS.flatMap((day) => (hours[day] ? [{ day, from: clockText(hours[day].from), to: clockText(hours[day].to) }] : []));
}

export interface ShownMessage {
	id: number;
	author: 'me' | 'other' | 'system';
	text: string;
	at: string;
	time: string;
}

export function showMessages(messages: ConversationMessage[], locale: Locale, mine: 'visitor' | 'consultant'): ShownMessage[] {
	const time = kazakhstanDateTime(locale, { timeStyle: 'short' });
	return messages.map((message) => ({ id: message.id, author: message.author === 'system' ? 'system' : message.author === mine ? 'me' : 'other', text: message.text, at: message.createdAt.toISOString(), time: time.format(message.createdAt) }));
}

/** What the consultant page shows a visitor: their conversation if any, and whether someone can answer now. */
export async function loadVisitorPage(cookies: Cookies, user: Actor | null | undefined, locale: Locale) {
	const db = await getDb();
	const visitor = visitorOf(cookies, user);
	return runOperation(async () => {
		const conversation = await findVisitorConversation(db, visitor);
		const isLive = await isConsultantLive(db, workingHours());
		if (!conversation) return { isLive, conversation: null };
		const messages = showMessages(await conversationMessages(db, conversation.id, locale), locale, 'visitor');
		return {
			isLive,
			conversation: {
				status: conversation.status,
				mode: conversation.mode,
				place: await queuePlace(db, conversation),
				messages,
				isRated: conversation.rating !== null,
				canRate: conversation.status === 'closed' && conversation.consultantUserId !== null && conversation.rating === null,
				isTranscriptSent: conversation.transcriptSentAt !== null,
				email: conversation.visitorContact?.includes('@') ? conversation.visitorContact : ''
			}
		};
	});
}

/** The visitor's conversation, live: new messages, the status and place in the queue, the consultant typing. */
export async function visitorEvents(request: Request, cookies: Cookies, user: Actor | null | undefined, locale: Locale, after: number): Promise<Response> {
	const db = await getDb();
	const visitor = visitorOf(cookies, user);
	const conversation = await runOperation(() => findVisitorConversation(db, visitor));
	if (!conversation) return new Response(null, { status: 204 });
	const events = await getConsultantEvents();
	let lastId = after;
	let lastState: string | null = null;
	return eventStream<ConversationDetail>(request, {
		// The queue moves when someone ahead is taken: waiting visitors hear the queue too.
		subscribe: async (listener) => {
			const fromConversation = await events.subscribe(conversationKey(conversation.id), listener);
			const fromQueue = await events.subscribe(QUEUE_KEY, () => listener(null));
			return () => {
				fromConversation();
				fromQueue();
			};
		},
		async update(send, detail) {
			if (detail?.typing === 'consultant') return send('typing', {});
			const current = await findVisitorConversation(db, visitor);
			if (!current || current.id !== conversation.id) return;
			for (const message of showMessages(await conversationMessages(db, current.id, locale, lastId), locale, 'visitor')) {
				send('message', message, message.id);
				lastId = message.id;
			}
			const state = JSON.stringify({ status: current.status, place: await queuePlace(db, current) });
			// The page already shows the state it was made with; only a change is told.
			if (lastState !== null && state !== lastState) send('state', JSON.parse(state));
			lastState = state;
		}
	});
}
