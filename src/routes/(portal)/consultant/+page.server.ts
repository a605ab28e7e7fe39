import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { getDb } from '#lib/server/app-context.ts';
import { closeByVisitor } from '#lib/server/consultant/close-conversation.ts';
import { rateConversation, sendTranscript } from '#lib/server/consultant/finish-conversation.ts';
import { postVisitorMessage } from '#lib/server/consultant/post-consultant-message.ts';
import { CONVERSATION_MODES, type ConversationMode } from '#lib/server/consultant/schema.ts';
import { leaveQuestion, startConversation } from '#lib/server/consultant/start-conversation.ts';
import { ensureVisitor, hoursList, loadVisitorPage, visitorOf, workingHours } from '#lib/server/http/consultant-visitor.ts';
import { readFormFields } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const modeOf = (value: string | null | undefined): ConversationMode => CONVERSATION_MODES.find((mode) => mode === value) ?? 'chat';

/** Back to the page, where the conversation is read afresh (a form without JavaScript lands here too). */
function back(event: RequestEvent, hash?: string): never {
	redirect(303, localizeHref(route.consultant({ hash }), { locale: event.locals.locale }));
}

export const load: PageServerLoad = async ({ cookies, locals, url }) => {
	const page = await loadVisitorPage(cookies, locals.user, locals.locale);
	return { ...page, mode: modeOf(url.searchParams.get('mode')), hours: hoursList(), isSignedIn: locals.user?.role === 'applicant' };
};

export const actions: Actions = {
	start: async (event) => {
		const fields = await readFormFields(event.request);
		const visitor = ensureVisitor(event.cookies, event.url, event.locals.user);
		const mode = modeOf(fields.mode);
		const outcome = await runOperation(async () => startConversation(await getDb(), { visitor, mode, locale: event.locals.locale, fields, hours: workingHours() }));
		if (outcome.status === 'invalid') return fail(400, { form: 'start' as const, errors: outcome.errors, values: { name: fields.name ?? '', contact: fields.contact ?? '', consent: fields.consent === 'yes' } });
		if (outcome.status === 'offline') return fail(409, { form: 'offline' as const, errors: {}, values: { name: fields.name ?? '', contact: fields.contact ?? '', consent: fields.consent === 'yes' } });
		back(event, 'conversation');
	},
	question: async (event) => {
		const fields = await readFormFields(event.request);
		const visitor = ensureVisitor(event.cookies, event.url, event.locals.user);
		const outcome = await runOperation(async () => leaveQuestion(await getDb(), { visitor, locale: event.locals.locale, fields }));
		if (outcome.status === 'invalid') return fail(400, { form: 'offline' as const, errors: outcome.errors, values: { name: fields.name ?? '', contact: fields.contact ?? '', consent: fields.consent === 'yes', question: fields.question ?? '' } });
		back(event, 'conversation');
	},
	send: async (event) => {
		const fields = await readFormFields(event.request);
		const outcome = await runOperation(async () => postVisitorMessage(await getDb(), visitorOf(event.cookies, event.locals.user), fields.text ?? ''));
		if (outcome.status === 'invalid') return fail(400, { form: 'send' as const, errors: { text: outcome.error }, values: { text: fields.text ?? '' } });
		return { form: 'send' as const, posted: outcome.id };
	},
	close: async (event) => {
		await runOperation(async () => closeByVisitor(await getDb(), visitorOf(event.cookies, event.locals.user)));
		back(event, 'conversation');
	},
	rate: async (event) => {
		const fields = await readFormFields(event.request);
		const outcome = await runOperation(async () => rateConversation(await getDb(), visitorOf(event.cookies, event.locals.user), fields.rating ?? ''));
		if (outcome.status === 'invalid') return fail(400, { form: 'rate' as const, errors: { rating: outcome.error }, values: {} });
		back(event, 'ending');
	},
	transcript: async (event) => {
		const fields = await readFormFields(event.request);
		const outcome = await runOperation(async () => sendTranscript(await getDb(), visitorOf(event.cookies, event.locals.user), { email: fields.email ?? '', locale: event.locals.locale }));
		if (outcome.status === 'invalid') return fail(400, { form: 'transcript' as const, errors: { email: outcome.error }, values: { email: fields.email ?? '' } });
		back(event, 'ending');
	}
};
