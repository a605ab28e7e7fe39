import { error } from '@sveltejs/kit';
import { getDb } from '#lib/server/app-context.ts';
import { getFileServices } from '#lib/server/files/get-file-services.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { checkIssuedDocument } from '#lib/server/signatures/check-document.ts';
import { getSigningContext } from '#lib/server/signatures/signing-context.ts';
import type { PageServerLoad } from './$types';

/** Where a generated document's QR code leads: the document's signatures, checked again now. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const context = await runOperation(() => getSigningContext());
	const checked = await runOperation(async () => checkIssuedDocument(await getDb(), getFileServices().storage, context.trustAnchors, params.id, locals.locale, { gost: context.gost }));
	if (!checked) error(404, 'not_found');
	return { checked };
};
