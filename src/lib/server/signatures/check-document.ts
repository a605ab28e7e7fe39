import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Certificate } from 'pkijs';
import type { ResultDocumentKind } from '../../applications/result-document.ts';
import type { Locale } from '../../i18n/localized.ts';
import type { CheckedSignature } from '../../signing/checked-signature.ts';
import { sha256, toHex } from '../../signing/cms/encoding.ts';
import { application, resultDocument } from '../applications/schema.ts';
import { show, type ShownText } from '../catalog/localize.ts';
import { provider, service } from '../catalog/schema.ts';
import type { Executor } from '../db/client.ts';
import { readStored } from '../files/read-stored.ts';
import type { FileStorage } from '../files/storage.ts';
import { isUuid } from '../uuid.ts';
import { documentSignature } from './schema.ts';
import { verifyDetachedSignature } from './verify-cms.ts';
import { checkRevocation, type RevocationSettings } from './check-revocation.ts';
import type { GostVerifier } from './verify-gost.ts';

export type { CheckedSignature };

/** A document and its `.cms` as anyone may upload them: the signature checked over these very bytes. */
export async function checkUploadedSignature(input: { document: Uint8Array; cms: string; trustAnchors: readonly Certificate[]; now: Date; revocation?: RevocationSettings; gost?: GostVerifier | null }): Promise<CheckedSignature> {
	const result = await verifyDetachedSignature({ cms: input.cms, content: input.document, contentSha256: toHex(await sha256(input.document)), trustAnchors: input.trustAnchors, expectedSigner: null, now: input.now, gost: input.gost ?? undefined });
	if (!result.ok) return { isValid: false, reason: result.code, signer: null };
	const { signer } = result;
	const revocation = input.revocation ? await checkRevocation(input.revocation, result, input.now) : null;
	return {
		isValid: revocation?.ok !== false,
		reason: revocation && !revocation.ok ? revocation.code : null,
		signer: { commonName: signer.commonName, organisation: signer.organisation, signingTime: signer.signingTime, issuer: signer.issuer, serialNumber: signer.serialNumber, notBefore: signer.notBefore, notAfter: signer.notAfter }
	};
}

export interface DocumentCheck {
	kind: ResultDocumentKind;
	number: string;
	provider: ShownText;
	issuedAt: Date;
	sha256: string;
	signatures: CheckedSignature[];
}

/**
 * The document a QR code names, with each stored signature checked again over the stored bytes, as
 * of the moment the portal received it (a certificate that has since expired does not undo a
 * signature made while it was valid; revocation was checked then, as configured). Only documents
 * sent for signing are found: nothing else is ever signed, and no other id leads anywhere.
 */
export async function checkIssuedDocument(db: Executor, storage: Pick<FileStorage, 'open'>, trustAnchors: readonly Certificate[], id: string, locale: Locale, options: { gost?: GostVerifier | null } = {}): Promise<DocumentCheck | null> {
	if (!isUuid(id)) return null;
	const [document] = await db
		.select({ id: resultDocument.id, kind: resultDocument.kind, storageKey: resultDocument.storageKey, sha256: resultDocument.sha256, createdAt: resultDocument.createdAt, number: application.number, providerName: provider.name, providerShortName: provider.shortName })
		.from(resultDocument)
		.innerJoin(application, eq(application.id, resultDocument.applicationId))
		.innerJoin(service, eq(service.id, application.serviceId))
		.innerJoin(provider, eq(provider.id, service.providerId))
		.where(and(eq(resultDocument.id, id), isNotNull(resultDocument.frozenAt)));
	if (!document) return null;
	const stored = await db.select({ cms: documentSignature.cms, verifiedAt: documentSignature.verifiedAt }).from(documentSignature).where(eq(documentSignature.resultDocumentId, id)).orderBy(asc(documentSignature.verifiedAt));
	const bytes = stored.length > 0 ? await readStored(storage, document.storageKey) : new Uint8Array();
	const signatures: CheckedSignature[] = [];
	for (const signature of stored) signatures.push(await checkUploadedSignature({ document: bytes, cms: signature.cms, trustAnchors, now: signature.verifiedAt, gost: options.gost }));
	return { kind: document.kind, number: document.number, provider: show(document.providerShortName ?? document.providerName, locale), issuedAt: document.createdAt, sha256: document.sha256, signatures };
}
