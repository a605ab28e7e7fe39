import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canConsult, isAssignedConsultant } from '#lib/server/access/consultant-policy.ts';
import { getDb } from '#lib/server/app-context.ts';
import { answerQuestion } from '#lib/server/consultant/answer-question.ts';
import { closeByConsultant } from '#lib/server/consultant/close-conversation.ts';
import { findConversationForConsultant } from '#lib/server/consultant/find-conversation.ts';
import { listConsultantQueue } from '#lib/server/consultant/list-consultant-queue.ts';
import { postConsultantMessage } from '#lib/server/consultant/post-consultant-message.ts';
import { conversationMessages } from '#lib/server/consultant/read-conversation.ts';
import { handOverConversation, takeConversation } from '#lib/server/consultant/take-conversation.ts';
import { AppError, errorMessageKey } from '#lib/server/errors.ts';
import { showMessages } from '#lib/server/http/consultant-visitor.ts';
import { readFormFields } from '#lib/server/http/form.ts';
import { refusalOr, runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function consultant(event: Pick<RequestEvent, 'locals'>) {
	const user = event.locals.user;
	if (!user || !canConsult(user)) error(404, 'not_found');
	return user;
}

const here = (event: RequestEvent, hash?: string): never => redirect(303, localizeHref(route.officeConsultantConversation(event.params.id, { hash }), { locale: event.locals.locale }));

/** A refusal (taken by a colleague meanwhile, already answered) is shown on the page, not as an error page. */
async function refusalShown<T>(work: () => Promise<T>): Promise<{ refused: ReturnType<typeof refusal> } | { done: T }> {
	const outcome = await runOperation(() => refusalOr(work));
	return outcome instanceof AppError ? { refused: refusal(outcome) } : { done: outcome };
}
const refusal = (cause: AppError) => fail(cause.status, { error: errorMessageKey(cause.code) });

export const load: PageServerLoad = async (event) => {
	const user = consultant(event);
	return runOperation(async () => {
		const db = await getDb();
		const conversation = await findConversationForConsultant(db, user, event.params.id);
		const messages = showMessages(await conversationMessages(db, conversation.id, event.locals.locale), event.locals.locale, 'consultant');
		const isMine = isAssignedConsultant(conversation, user);
		const colleagues = isMine && conversation.status === 'open' ? (await listConsultantQueue(db, user)).colleaguesOnDuty : [];
		return {
			conversation: { publicId: conversation.publicId, status: conversation.status, mode: conversation.mode, visitorName: conversation.visitorName, contact: conversation.visitorContact, locale: conversation.locale, isSignedIn: conversation.applicantUserId !== null, isMine, createdAt: conversation.createdAt },
			messages,
			colleagues
		};
	});
};

export const actions: Actions = {
	take: async (event) => {
		const user = consultant(event);
		const outcome = await refusalShown(async () => takeConversation(await getDb(), user, event.params.id));
		if ('refused' in outcome) return outcome.refused;
		here(event, 'conversation');
	},
	send: async (event) => {
		const user = consultant(event);
		const fields = await readFormFields(event.request);
		const outcome = await refusalShown(async () => postConsultantMessage(await getDb(), user, event.params.id, fields.text ?? ''));
		if ('refused' in outcome) return outcome.refused;
		if (outcome.done.status === 'invalid') return fail(400, { form: 'send' as const, textError: outcome.done.error, text: fields.text ?? '' });
		return { form: 'send' as const, posted: outcome.done.id };
	},
	handover: async (event) => {
		const user = consultant(event);
		const fields = await readFormFields(event.request);
		const outcome = await refusalShown(async () => handOverConversation(await getDb(), user, event.params.id, Number.parseInt(fields.colleague ?? '', 10)));
		if ('refused' in outcome) return outcome.refused;
		redirect(303, localizeHref(route.officeConsultant(), { locale: event.locals.locale }));
	},
	close: async (event) => {
		const user = consultant(event);
		const outcome = await refusalShown(async () => closeByConsultant(await getDb(), user, event.params.id));
		if ('refused' in outcome) return outcome.refused;
		here(event, 'conversation');
	},
	answer: async (event) => {
		const user = consultant(event);
		const fields = await readFormFields(event.request);
		const outcome = await refusalShown(async () => answerQuestion(await getDb(), user, event.params.id, fields.answer ?? ''));
		if ('refused' in outcome) return outcome.refused;
		if (outcome.done.status === 'invalid') return fail(400, { form: 'answer' as const, answerError: outcome.done.error, answer: fields.answer ?? '' });
		here(event, 'conversation');
	}
};
