import { fail } from '@sveltejs/kit';
import { getConfig } from '#lib/server/config.ts';
import { readFormFiles, requestContext } from '#lib/server/http/form.ts';
import { getDb } from '#lib/server/app-context.ts';
import { consumeRateLimit } from '#lib/server/accounts/rate-limit.ts';
import { runOperation } from '#lib/server/http/run-operation.ts';
import { checkUploadedSignature } from '#lib/server/signatures/check-document.ts';
import { getSigningContext } from '#lib/server/signatures/signing-context.ts';
import { sha256, toHex } from '#lib/signing/cms/encoding.ts';
import { postedCms } from '#lib/server/signatures/posted-cms.ts';
import type { Actions } from './$types';

const MAX_CMS_FILE_BYTES = 256 * 1024;

export const actions: Actions = {
	/**
	 * Anyone's document and its `.cms`, checked against the trust store; nothing is stored and no
	 * account is needed. The answer speaks of the signature and its certificate only.
	 */
	default: async (event) => {
		const { request } = event;
		const config = getConfig();
		// Each check reads up to a whole document into memory and may ask an OCSP responder: an
		// address gets a fair number of them an hour, and the rest is refused before the body is read.
		const limit = await runOperation(async () => consumeRateLimit(await getDb(), `verify:ip:${requestContext(event).ipAddress}`, config.VERIFY_CHECKS_PER_IP_PER_HOUR, 3600));
		if (!limit.isAllowed) return fail(429, { errors: { document: 'error_verify_too_many' } as { document?: string; signature?: string } });
		const { files, tooLarge } = await readFormFiles(request, { document: config.UPLOAD_MAX_BYTES, signature: MAX_CMS_FILE_BYTES });
		const errors: { document?: string; signature?: string } = {};
		if (tooLarge.includes('document')) errors.document = 'error_file_too_large';
		else if (!files.document) errors.document = 'error_verify_document_missing';
		const cms = postedCms(undefined, files.signature);
		if (tooLarge.includes('signature')) errors.signature = 'error_signature_malformed';
		else if (!cms) errors.signature = 'error_verify_signature_missing';
		if (errors.document || errors.signature || !files.document || !cms) return fail(400, { errors });
		const context = await runOperation(() => getSigningContext());
		const checked = await checkUploadedSignature({ document: files.document, cms, trustAnchors: context.trustAnchors, now: new Date(), revocation: context.revocation, gost: context.gost });
		return { checked, sha256: toHex(await sha256(files.document)) };
	}
};
