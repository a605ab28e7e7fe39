import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseWorkingHours } from '../../consultant/working-hours.ts';
import type { Actor } from '../access/actor.ts';
import type { Visitor } from '../access/consultant-policy.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { testPerson } from '../db/test-people.ts';
import { AppError } from '../errors.ts';
import { outboxMessage } from '../notifications/schema.ts';
import { answerQuestion } from './answer-question.ts';
import { closeByConsultant, closeByVisitor } from './close-conversation.ts';
import { DUTY_FRESH_MS, setDuty } from './consultant-duty.ts';
import { createConsultantEvents, conversationKey, QUEUE_KEY } from './conversation-events.ts';
import { findVisitorConversation } from './find-conversation.ts';
import { rateConversation, sendTranscript } from './finish-conversation.ts';
import { listConsultantQueue } from './list-consultant-queue.ts';
import { postConsultantMessage, postVisitorMessage } from './post-consultant-message.ts';
import { conversationMessages, queuePlace } from './read-conversation.ts';
import { consultantConversation } from './schema.ts';
import { leaveQuestion, startConversation } from './start-conversation.ts';
import { handOverConversation, takeConversation } from './take-conversation.ts';
import { hashVisitorToken, newVisitorToken } from './visitor-token.ts';

let handle: DatabaseHandle;
let first: Actor;
let second: Actor;
let executor: Actor;
const always = (() => {
	const parsed = parseWorkingHours('mon-sun 00:00-24:00');
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.hours;
})();
const stranger = (): Visitor => ({ userId: null, tokenHash: hashVisitorToken(newVisitorToken()) });
const identity = { name: 'Айгерім', contact: '+7 701 234 56 78', consent: 'yes' };

beforeAll(async () => {
	handle = await openTestDatabase();
	first = await testPerson(handle.db, 'consultant', '900101300001', null, { firstName: 'Асқар' });
	second = await testPerson(handle.db, 'consultant', '900101300002', null, { firstName: 'Дина' });
	executor = await testPerson(handle.db, 'executor', '900101300003', null);
});
afterAll(() => handle?.close());

async function publicIdOf(conversationId: number): Promise<string> {
	const [row] = await handle.db.select({ publicId: consultantConversation.publicId }).from(consultantConversation).where(eq(consultantConversation.id, conversationId));
	return row!.publicId;
}

describe('the virtual consultant', () => {
	it('is offline with nobody on duty, and outside the hours even with someone on duty', async () => {
		const visitor = stranger();
		expect(await startConversation(handle.db, { visitor, mode: 'chat', locale: 'kk', fields: identity, hours: always })).toEqual({ status: 'offline' });
		await setDuty(handle.db, first, true);
		const closed = parseWorkingHours('');
		expect(closed.ok && (await startConversation(handle.db, { visitor, mode: 'chat', locale: 'kk', fields: identity, hours: closed.hours }))).toEqual({ status: 'offline' });
		// A consultant not seen for longer than the duty window no longer counts.
		const later = new Date(Date.now() + DUTY_FRESH_MS + 1000);
		expect(await startConversation(handle.db, { visitor, mode: 'chat', locale: 'kk', fields: identity, hours: always, now: later })).toEqual({ status: 'offline' });
	});

	it('asks a visitor for a name, a contact and consent, saying which is missing', async () => {
		const outcome = await startConversation(handle.db, { visitor: stranger(), mode: 'chat', locale: 'ru', fields: { name: ' ', contact: '12345', consent: '' }, hours: always });
		expect(outcome).toEqual({ status: 'invalid', errors: { name: 'error_required', contact: 'error_consultant_contact', consent: 'error_consent' } });
	});

	it('queues visitors in order, lets one consultant take each, and carries the talk both ways live', async () => {
		await setDuty(handle.db, first, true);
		await setDuty(handle.db, second, true);
		const events = createConsultantEvents(handle);
		const queuePage = vi.fn();
		await events.subscribe(QUEUE_KEY, queuePage);
		const alice = stranger();
		const bob = stranger();
		const started = await startConversation(handle.db, { visitor: alice, mode: 'chat', locale: 'kk', fields: identity, hours: always });
		expect(started.status).toBe('started');
		await vi.waitFor(() => expect(queuePage).toHaveBeenCalled());
		// Asking again while waiting gives the same conversation.
		expect(await startConversation(handle.db, { visitor: alice, mode: 'chat', locale: 'kk', fields: identity, hours: always })).toMatchObject({ status: 'existing' });
		await startConversation(handle.db, { visitor: bob, mode: 'chat', locale: 'en', fields: { ...identity, contact: 'bob@example.kz' }, hours: always });
		const aliceRow = (await findVisitorConversation(handle.db, alice))!;
		const bobRow = (await findVisitorConversation(handle.db, bob))!;
		expect(await queuePlace(handle.db, aliceRow)).toBe(1);
		expect(await queuePlace(handle.db, bobRow)).toBe(2);
		await postVisitorMessage(handle.db, alice, 'Субсидия туралы сұрағым бар');
		const queue = await listConsultantQueue(handle.db, first);
		expect(queue.waiting.map((item) => item.publicId)).toEqual([aliceRow.publicId, bobRow.publicId]);
		expect(queue.waiting[0]!.preview).toBe('Субсидия туралы сұрағым бар');
		// Each line previews its own visitor's words: Bob has written nothing yet.
		expect(queue.waiting[1]!.preview).toBeNull();
		expect(queue.colleaguesOnDuty.map((person) => person.id)).toEqual([second.id]);

		// Two consultants take the same conversation at once: one gets it.
		const results = await Promise.allSettled([takeConversation(handle.db, first, aliceRow.publicId), takeConversation(handle.db, second, aliceRow.publicId)]);
		expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
		expect((refused.reason as AppError).code).toBe('consultant.already_taken');
		const taker = results[0]!.status === 'fulfilled' ? first : second;
		const other = taker === first ? second : first;
		expect(await queuePlace(handle.db, bobRow)).toBe(1);

		const visitorPage = vi.fn();
		await events.subscribe(conversationKey(aliceRow.id), visitorPage);
		await postConsultantMessage(handle.db, taker, aliceRow.publicId, 'Сәлеметсіз бе! Қандай субсидия?');
		await vi.waitFor(() => expect(visitorPage).toHaveBeenCalled());
		// Only the consultant who took it writes in it.
		await expect(postConsultantMessage(handle.db, other, aliceRow.publicId, 'мен де')).rejects.toMatchObject({ code: 'consultant.not_yours' });
		await expect(postConsultantMessage(handle.db, executor, aliceRow.publicId, 'hello')).rejects.toMatchObject({ code: 'consultant.not_found' });
		expect(await postConsultantMessage(handle.db, taker, aliceRow.publicId, '   ')).toEqual({ status: 'invalid', error: 'error_required' });

		await handOverConversation(handle.db, taker, aliceRow.publicId, other.id);
		await postConsultantMessage(handle.db, other, aliceRow.publicId, 'Мен жалғастырамын.');
		const texts = (await conversationMessages(handle.db, aliceRow.id, 'en')).map((message) => `${message.author}: ${message.text}`);
		expect(texts).toEqual([
			'visitor: Субсидия туралы сұрағым бар',
			`system: Consultant ${taker === first ? 'Асқар' : 'Дина'} joined the conversation.`,
			'consultant: Сәлеметсіз бе! Қандай субсидия?',
			`system: The conversation was handed to consultant ${other === first ? 'Асқар' : 'Дина'}.`,
			'consultant: Мен жалғастырамын.'
		]);

		await closeByConsultant(handle.db, other, aliceRow.publicId);
		await expect(postVisitorMessage(handle.db, alice, 'тағы')).rejects.toMatchObject({ code: 'consultant.closed' });
		expect(await rateConversation(handle.db, alice, '9')).toEqual({ status: 'invalid', error: 'error_consultant_rating' });
		expect(await rateConversation(handle.db, alice, '5')).toEqual({ status: 'rated' });
		expect(await sendTranscript(handle.db, alice, { email: 'not-an-email', locale: 'kk' })).toEqual({ status: 'invalid', error: 'error_email' });
		expect(await sendTranscript(handle.db, alice, { email: 'aigerim@example.kz', locale: 'kk' })).toEqual({ status: 'sent' });
		const [mail] = await handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, 'aigerim@example.kz'));
		expect(mail!.channel).toBe('email');
		expect(mail!.body).toContain('Мен жалғастырамын.');

		// Bob leaves without waiting; nobody can rate a conversation no consultant joined.
		await closeByVisitor(handle.db, bob);
		await expect(rateConversation(handle.db, bob, '4')).rejects.toMatchObject({ code: 'consultant.not_rateable' });
	});

	it('keeps one visitor out of another one\'s conversation', async () => {
		const owner = stranger();
		await startConversation(handle.db, { visitor: owner, mode: 'chat', locale: 'kk', fields: identity, hours: always });
		expect(await findVisitorConversation(handle.db, stranger())).toBeNull();
		expect(await findVisitorConversation(handle.db, { userId: null, tokenHash: null })).toBeNull();
		await expect(postVisitorMessage(handle.db, stranger(), 'hello')).rejects.toMatchObject({ code: 'consultant.closed' });
		await expect(listConsultantQueue(handle.db, executor)).rejects.toMatchObject({ code: 'consultant.not_found' });
		await closeByVisitor(handle.db, owner);
	});

	it('answers a question left outside the hours by email, once', async () => {
		const visitor = stranger();
		expect(await leaveQuestion(handle.db, { visitor, locale: 'ru', fields: { ...identity, contact: 'erlan@example.kz', question: '' } })).toEqual({ status: 'invalid', errors: { question: 'error_required' } });
		const left = await leaveQuestion(handle.db, { visitor, locale: 'ru', fields: { ...identity, contact: 'erlan@example.kz', question: 'Как получить грант?' } });
		expect(left.status).toBe('left');
		const publicId = await publicIdOf((left as { conversationId: number }).conversationId);
		expect((await listConsultantQueue(handle.db, first)).questions.map((item) => item.publicId)).toContain(publicId);
		expect(await answerQuestion(handle.db, first, publicId, '')).toEqual({ status: 'invalid', error: 'error_required' });
		expect(await answerQuestion(handle.db, first, publicId, 'Подайте заявку на услугу «Грант».')).toEqual({ status: 'answered' });
		await expect(answerQuestion(handle.db, second, publicId, 'ещё')).rejects.toMatchObject({ code: 'consultant.already_answered' });
		const [mail] = await handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, 'erlan@example.kz'));
		expect(mail).toMatchObject({ channel: 'email', subject: 'Ответ консультанта на ваш вопрос' });
		expect(mail!.body).toContain('Подайте заявку на услугу «Грант».');
	});
});
