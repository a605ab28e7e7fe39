import { getDb } from '#lib/server/app-context.ts';
import { getConfig } from '#lib/server/config.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { PUBLIC_CACHE_CONTROL } from '#lib/server/http-cache.ts';
import { getProviderContacts } from '#lib/server/catalog/get-provider-contacts.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, setHeaders }) =>
	runOperation(async () => {
		setHeaders({ 'Cache-Control': PUBLIC_CACHE_CONTROL });
		return { operator: await getProviderContacts(await getDb(), getConfig().OPERATOR_PROVIDER_SLUG, locals.locale) };
	});
