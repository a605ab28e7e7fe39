import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { route } from '#lib/route.ts';
import { canUseOffice, isSupervising } from '#lib/server/access/actor.ts';
import { getDb } from '#lib/server/app-context.ts';
import { readFormFields, requestContext } from '#lib/server/http/form.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { findServiceSurvey, saveServiceSurvey, type QuestionInput } from '#lib/server/survey/service-survey.ts';
import { MAX_OWN_QUESTIONS, SURVEY_QUESTIONS } from '#lib/survey/questions.ts';
import type { Actions, PageServerLoad } from './$types';

const serviceId = (id: string) => (/^\d{1,9}$/.test(id) ? Number(id) : NaN);

/** A supervisor writes the service's own survey questions, in the three languages. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = locals.user;
	if (!user || !canUseOffice(user) || !isSupervising(user)) error(404, 'not_found');
	const survey = await runOperation(async () => findServiceSurvey(await getDb(), user, serviceId(params.id), locals.locale));
	return { survey, overall: SURVEY_QUESTIONS[0]!.text, slots: MAX_OWN_QUESTIONS, isSaved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = event.locals.user;
		if (!user || !canUseOffice(user) || !isSupervising(user)) error(404, 'not_found');
		const fields = await readFormFields(event.request);
		const rows: QuestionInput[] = Array.from({ length: MAX_OWN_QUESTIONS }, (_, index) => ({
			key: fields[`q${index}-key`] ?? '',
			kk: fields[`q${index}-kk`] ?? '',
			ru: fields[`q${index}-ru`] ?? '',
			en: fields[`q${index}-en`] ?? ''
		}));
		const outcome = await runOperation(async () => saveServiceSurvey(await getDb(), user, { serviceId: serviceId(event.params.id), rows, ipAddress: requestContext(event).ipAddress }));
		if (outcome.status === 'invalid') return fail(400, { errors: outcome.errors, rows });
		redirect(303, localizeHref(route.officeServiceSurvey(event.params.id, { saved: true }), { locale: event.locals.locale }));
	}
};
