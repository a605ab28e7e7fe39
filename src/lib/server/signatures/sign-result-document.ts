import { and, eq, sql } from 'drizzle-orm';
import type { Certificate } from 'pkijs';
import { nextSigner, type SigningParty } from '../../signing/signing-plan.ts';
import { fromBase64, fromPem, toBase64 } from '../../signing/cms/encoding.ts';
import type { Actor } from '../access/actor.ts';
import { allowedTransitions, officeRole } from '../access/application-policy.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { findApplicationIn, type ApplicationRow, type Area } from '../applications/find-own-application.ts';
import { provider, service } from '../catalog/schema.ts';
import { resultDocument } from '../applications/schema.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database, Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { readStored } from '../files/read-stored.ts';
import type { FileStorage } from '../files/storage.ts';
import { isUuid } from '../uuid.ts';
import { documentSignature } from './schema.ts';
import type { RefusalCode } from './refusal.ts';
import { verifyDetachedSignature, type ExpectedSigner, type VerifySuccess } from './verify-cms.ts';
import { checkRevocation, NO_REVOCATION_CHECK, type RevocationSettings } from './check-revocation.ts';
import type { GostVerifier } from './verify-gost.ts';

/** A CMS with its certificates is a few KiB; anything near this is not one. */
const MAX_CMS_CHARACTERS = 256 * 1024;

export type SignatureRefusal = RefusalCode | 'not_awaiting';
export type SignOutcome = { status: 'signed'; isCompleted: boolean } | { status: 'refused'; reason: SignatureRefusal };

export interface SignatureServices {
	storage: Pick<FileStorage, 'open'>;
	trustAnchors: readonly Certificate[];
	/** Absent: revocation is not checked. */
	revocation?: RevocationSettings;
	/** Absent: GOST signatures are refused. */
	gost?: GostVerifier | null;
}

/**
 * An EDS signature of a document sent for signing, as the browser produced it (through NCALayer or
 * the test signer) or as a `.cms` file made with the signing app: the applicant's from the cabinet,
 * the provider's from the office by a colleague who holds its right to sign. Nothing it claims is
 * believed: the CMS is verified against the stored document's bytes and hash, the trust store and
 * the signer's identity (the applicant's IIN or BIN; for the provider the colleague's IIN under the
 * provider's BIN with a role that signs for it) before the application's lock is taken; then, in one
 * transaction, it is stored beside the frozen document, the thread and the audit log hear of it, and
 * the last signature the plans need completes the application (its survey opens). Sending the same
 * signature again changes nothing.
 */
export async function signResultDocument(db: Database, services: SignatureServices, actor: Actor, input: { area?: Area; number: string; documentId: string; cms: string; ipAddress?: string; now?: Date }): Promise<SignOutcome> {
	const now = input.now ?? new Date();
	const area = input.area ?? 'cabinet';
	const party: SigningParty = area === 'cabinet' ? 'applicant' : 'provider';
	const row = await findApplicationIn(area, db, actor, input.number);
	if (!isUuid(input.documentId)) throw new AppError('document.not_found');
	const document = await documentToSign(db, row, input.documentId);
	if (!document) throw new AppError('document.not_found');
	if (document.signedBy.includes(party)) return { status: 'signed', isCompleted: row.status === 'completed' };
	if (!isAwaiting(row, document, party, actor)) return { status: 'refused', reason: 'not_awaiting' };

	const cms = normalisedCms(input.cms);
	if (!cms) return refused(db, actor, row, input, 'malformed');
	const expectedSigner = await signerFor(db, actor, party, row);
	if (!expectedSigner) return refused(db, actor, row, input, 'wrong_owner');
	const content = await readStored(services.storage, document.storageKey);
	const verified = await verifyDetachedSignature({ cms, content, contentSha256: document.sha256, trustAnchors: services.trustAnchors, expectedSigner, now, gost: services.gost ?? undefined });
	if (!verified.ok) return refused(db, actor, row, input, verified.code);
	const revocation = await checkRevocation(services.revocation ?? NO_REVOCATION_CHECK, verified, now);
	if (!revocation.ok) return refused(db, actor, row, input, revocation.code);

	return db.transaction(async (tx) => {
		const locked = await findApplicationIn(area, tx, actor, input.number, { forUpdate: true });
		const current = await documentToSign(tx, locked, input.documentId);
		if (current?.signedBy.includes(party)) return { status: 'signed' as const, isCompleted: locked.status === 'completed' };
		if (!current || !isAwaiting(locked, current, party, actor)) return { status: 'refused' as const, reason: 'not_awaiting' as const };
		await tx.insert(documentSignature).values(signatureRow(current.id, party, actor.id, cms, verified, now));
		await recordAuditEvent(tx, {
			action: 'document.signed',
			actorUserId: actor.id,
			subject: locked.number,
			ipAddress: input.ipAddress,
			details: { document: current.id, party, subject: verified.signer.subject, serial: verified.signer.serialNumber, issuer: verified.signer.issuer, revocation: revocation.result }
		});
		const isLast = await allSigned(tx, locked.id);
		await applyTransition(tx, locked, {
			action: 'sign',
			actor: party === 'applicant' ? 'applicant' : officeRole(actor)!,
			actorUserId: actor.id,
			ipAddress: input.ipAddress,
			now,
			params: { document: current.originalName, signer: verified.signer.commonName },
			// The applicant hears of the provider's signature; of their own, only once it completes.
			notifyApplicant: party === 'provider' && !isLast
		});
		if (isLast) await applyTransition(tx, locked, { action: 'complete', actor: 'system', actorUserId: null, ipAddress: input.ipAddress, now });
		return { status: 'signed' as const, isCompleted: isLast };
	});
}

/**
 * Whose certificate the signature must carry: the applicant's IIN, or their company's BIN with a
 * role that signs for it; for the provider, this colleague's IIN under the provider's BIN with such
 * a role. Null when the provider has no BIN to sign under.
 */
async function signerFor(db: Executor, actor: Actor, party: SigningParty, row: ApplicationRow): Promise<ExpectedSigner | null> {
	if (party === 'applicant') return actor.kind === 'legal_entity' ? { bin: actor.login } : { iin: actor.login };
	const [found] = await db.select({ bin: provider.bin }).from(service).innerJoin(provider, eq(provider.id, service.providerId)).where(eq(service.id, row.serviceId));
	return found?.bin ? { bin: found.bin, iin: actor.login } : null;
}

/**
 * The parties that have signed a document, as a column of a query on result_document. Written out
 * in full: in a one-table select Drizzle leaves columns unqualified, and inside this subquery an
 * unqualified "id" would be the signature's own.
 */
const signedParties = sql<SigningParty[]>`coalesce((select jsonb_agg(s.party) from document_signature s where s.result_document_id = result_document.id), '[]'::jsonb)`;

interface DocumentToSign {
	id: string;
	storageKey: string;
	sha256: string;
	originalName: string;
	signers: SigningParty[];
	frozenAt: Date | null;
	signedBy: SigningParty[];
}

async function documentToSign(db: Executor, row: ApplicationRow, documentId: string): Promise<DocumentToSign | null> {
	const [document] = await db
		.select({
			id: resultDocument.id,
			storageKey: resultDocument.storageKey,
			sha256: resultDocument.sha256,
			originalName: resultDocument.originalName,
			signers: resultDocument.signers,
			frozenAt: resultDocument.frozenAt,
			signedBy: signedParties
		})
		.from(resultDocument)
		.where(and(eq(resultDocument.id, documentId), eq(resultDocument.applicationId, row.id)));
	return document ?? null;
}

/** Sent for signing, this party's turn in the document's plan, and the table allows signing now. */
function isAwaiting(row: ApplicationRow, document: DocumentToSign, party: SigningParty, actor: Actor): boolean {
	return document.frozenAt !== null && nextSigner(document.signers, document.signedBy) === party && allowedTransitions(actor, row.status).includes('sign');
}

/** Every document sent for signing on the application has every signature its plan asks for. */
async function allSigned(tx: Executor, applicationId: number): Promise<boolean> {
	const documents = await tx
		.select({ signers: resultDocument.signers, signedBy: signedParties })
		.from(resultDocument)
		.where(and(eq(resultDocument.applicationId, applicationId), sql`${resultDocument.frozenAt} is not null`, sql`${resultDocument.signers} <> '[]'::jsonb`));
	return documents.every((document) => nextSigner(document.signers, document.signedBy) === null);
}

/** Base64 DER from what was posted: Base64 or PEM, with or without line breaks. */
function normalisedCms(posted: string): string | null {
	if (posted.length === 0 || posted.length > MAX_CMS_CHARACTERS) return null;
	try {
		const pem = fromPem(posted);
		const der = pem.length > 0 ? pem[0]!.der : fromBase64(posted.replace(/\s+/g, ''));
		return der && der.length > 0 ? toBase64(der) : null;
	} catch {
		return null;
	}
}

function signatureRow(resultDocumentId: string, party: SigningParty, signerUserId: number, cms: string, verified: VerifySuccess, now: Date) {
	const { signer } = verified;
	return {
		resultDocumentId,
		party,
		signerUserId,
		cms,
		subject: signer.subject,
		commonName: signer.commonName,
		signerIin: signer.iin,
		signerBin: signer.bin,
		organisation: signer.organisation,
		serialNumber: signer.serialNumber,
		issuer: signer.issuer,
		notBefore: signer.notBefore,
		notAfter: signer.notAfter,
		signingTime: signer.signingTime,
		algorithm: signer.algorithm,
		roles: signer.roles,
		verifiedAt: now
	};
}

/** A refused signature is on the record too: who tried to sign what, and why it did not count. */
async function refused(db: Executor, actor: Actor, row: ApplicationRow, input: { documentId: string; ipAddress?: string }, reason: SignatureRefusal): Promise<SignOutcome> {
	await recordAuditEvent(db, { action: 'document.signature_refused', actorUserId: actor.id, subject: row.number, ipAddress: input.ipAddress, details: { document: input.documentId, reason } });
	return { status: 'refused', reason };
}
