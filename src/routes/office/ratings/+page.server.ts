import { error } from '@sveltejs/kit';
import { canUseOffice } from '#lib/server/access/actor.ts';
import { getDb } from '#lib/server/app-context.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { readRatingPeriod } from '#lib/server/office/rating-period.ts';
import { listProviderRatings } from '#lib/server/survey/list-ratings.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user;
	if (!user || !canUseOffice(user)) error(404, 'not_found');
	const period = readRatingPeriod(url.searchParams, new Date());
	const ratings = await runOperation(async () => listProviderRatings(await getDb(), user, period, locals.locale));
	return { period: { from: period.fromText, to: period.toText }, ratings };
};
