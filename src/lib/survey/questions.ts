import type { LocalizedText } from '../i18n/localized.ts';

/**
 * The quality survey a completed application's applicant is asked: each question scored 1 to 5.
 * One set for every service until a service defines its own; the keys are stored with the answers,
 * so a changed wording keeps old answers readable. A service's own set always begins with the
 * overall question, the one the passport's public average is made of.
 */
export interface SurveyQuestion {
	key: string;
	text: LocalizedText;
}

export const SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
	{ key: 'overall', text: { kk: 'Қызметті жалпы қалай бағалайсыз?', ru: 'Как вы в целом оцениваете услугу?', en: 'How do you rate the service overall?' } },
	{ key: 'timeliness', text: { kk: 'Өтінім уақытында орындалды ма?', ru: 'Заявка исполнена вовремя?', en: 'Was the application handled on time?' } },
	{ key: 'clarity', text: { kk: 'Орындаушының жауаптары түсінікті болды ма?', ru: 'Понятны ли были ответы исполнителя?', en: 'Were the executor’s answers clear?' } }
];

export const SCORES = [1, 2, 3, 4, 5] as const;

/** Below this many ratings a service's figures are not shown: a few people could be recognised. */
export const MIN_RATINGS_SHOWN = 5;

/** A service's own questions besides the overall one: a short survey is one people finish. */
export const MAX_OWN_QUESTIONS = 5;
export const QUESTION_MAX_LENGTH = 200;

/** The questions asked for a service: the common set, or the overall question and the service's own. */
export function questionsOf(own: readonly SurveyQuestion[] | null | undefined): readonly SurveyQuestion[] {
	return own && own.length > 0 ? [SURVEY_QUESTIONS[0]!, ...own] : SURVEY_QUESTIONS;
}
