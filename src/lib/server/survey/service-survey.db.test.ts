import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_QUESTIONS } from '../../survey/questions.ts';
import type { Actor } from '../access/actor.ts';
import type { Role } from '../accounts/schema.ts';
import { createDraft } from '../applications/create-draft.ts';
import { application } from '../applications/schema.ts';
import { seedFormDefinitions } from '../applications/seed-form-definitions.ts';
import { service } from '../catalog/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { testPerson } from '../db/test-people.ts';
import { AppError } from '../errors.ts';
import { findSurvey } from './find-rating.ts';
import { rateService } from './rate-service.ts';
import { saveServiceSurvey, surveyQuestionsFor } from './service-survey.ts';

let handle: DatabaseHandle;
let supervisor: Actor, executor: Actor, otherSupervisor: Actor, owner: Actor;
let subsidyId: number;

const person = (role: Role, login: string, providerSlug: string | null) => testPerson(handle.db, role, login, providerSlug);

const row = (en: string, key = '') => ({ key, kk: `${en} (kk)`, ru: `${en} (ru)`, en });
const blank = () => ({ key: '', kk: '', ru: '', en: '' });

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: [{ key: 'question', title: { kk: 'Q', ru: 'Q', en: 'Q' }, fields: [], documents: [] }] });
	supervisor = await person('supervisor', '800101300016', 'agency');
	executor = await person('executor', '800101300026', 'agency');
	otherSupervisor = await person('supervisor', '800101300036', 'chamber');
	owner = await person('applicant', '900101300014', null);
	subsidyId = (await handle.db.select({ id: service.id }).from(service).where(eq(service.slug, 'subsidy')))[0]!.id;
});
afterAll(async () => handle?.close());

const code = async (work: Promise<unknown>) => ((await work.catch((error: unknown) => error)) as AppError).code;

describe('a service’s own survey questions', () => {
	it('only the provider’s supervisor writes them, in all three languages', async () => {
		expect(await code(saveServiceSurvey(handle.db, otherSupervisor, { serviceId: subsidyId, rows: [row('Fast?')] }))).toBe('service.not_found');
		expect(await code(saveServiceSurvey(handle.db, executor, { serviceId: subsidyId, rows: [row('Fast?')] }))).toBe('service.not_found');
		expect(await saveServiceSurvey(handle.db, supervisor, { serviceId: subsidyId, rows: [{ ...row('Fast?'), en: '' }, blank(), { ...row('x'), ru: 'y'.repeat(201) }] })).toEqual({
			status: 'invalid',
			errors: { 'q0-en': 'error_required', 'q2-ru': 'error_too_long' }
		});
		expect(await surveyQuestionsFor(handle.db, subsidyId)).toEqual(SURVEY_QUESTIONS);
	});

	it('are asked after the overall question; a reworded one keeps its key, a new one gets a new key; none brings the common set back', async () => {
		expect(await saveServiceSurvey(handle.db, supervisor, { serviceId: subsidyId, rows: [row('Were the documents clear?'), blank(), row('Would you apply again?')] })).toEqual({ status: 'saved' });
		const saved = await surveyQuestionsFor(handle.db, subsidyId);
		expect(saved.map((question) => [question.key, question.text.en])).toEqual([
			['overall', SURVEY_QUESTIONS[0]!.text.en],
			['own-1', 'Were the documents clear?'],
			['own-2', 'Would you apply again?']
		]);
		await saveServiceSurvey(handle.db, supervisor, { serviceId: subsidyId, rows: [row('Would you come back?', 'own-2'), row('Was the answer useful?', 'forged-key')] });
		expect((await surveyQuestionsFor(handle.db, subsidyId)).map((question) => [question.key, question.text.en])).toEqual([
			['overall', SURVEY_QUESTIONS[0]!.text.en],
			['own-2', 'Would you come back?'],
			['own-3', 'Was the answer useful?']
		]);
		await saveServiceSurvey(handle.db, supervisor, { serviceId: subsidyId, rows: [blank()] });
		expect(await surveyQuestionsFor(handle.db, subsidyId)).toEqual(SURVEY_QUESTIONS);
	});

	it('the applicant is asked the service’s questions and must answer each', async () => {
		await saveServiceSurvey(handle.db, supervisor, { serviceId: subsidyId, rows: [row('Were the documents clear?')] });
		const draft = await createDraft(handle.db, { ...owner, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' }, { serviceSlug: 'subsidy' });
		await handle.db.update(application).set({ status: 'completed', submittedAt: new Date(), assignedExecutorId: executor.id }).where(eq(application.number, draft.number));
		const survey = await findSurvey(handle.db, owner, draft.number);
		expect(survey.questions.map((question) => question.key)).toEqual(['overall', 'own-1']);
		expect(await rateService(handle.db, owner, { number: draft.number, answers: { overall: '5', timeliness: '4' }, comment: '' })).toEqual({ status: 'invalid', errors: { 'own-1': 'error_survey_score_required' } });
		expect(await rateService(handle.db, owner, { number: draft.number, answers: { overall: '5', 'own-1': '3' }, comment: '' })).toEqual({ status: 'rated' });
		expect(await findSurvey(handle.db, owner, draft.number)).toEqual({ rating: { score: 5 }, questions: [] });
	});
});
