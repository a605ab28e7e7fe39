import { codeStep } from '#lib/server/http/code-step.ts';
import type { Actions, PageServerLoad } from './$types';

const step = codeStep('registration', '/register');
export const load: PageServerLoad = (event) => step.load(event);
export const actions: Actions = step.actions;
