import { and, eq } from 'drizzle-orm';
import { SIGNING_PARTIES, type SigningParty } from '../../signing/signing-plan.ts';
import { fromBase64 } from '../../signing/cms/encoding.ts';
import type { Actor } from '../access/actor.ts';
import { findApplicationIn, type Area } from '../applications/find-own-application.ts';
import { resultDocument } from '../applications/schema.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { isUuid } from '../uuid.ts';
import { documentSignature } from './schema.ts';

/**
 * One party's signature of a result document as a `.cms` file (DER), for whoever may open the
 * document itself: with the downloaded document it can be checked anywhere, by the portal's public
 * check or any CMS tool. Opened in the office, it is on the record like the documents.
 */
export async function openSignature(db: Executor, actor: Actor, input: { area: Area; number: string; documentId: string; party: string; ipAddress?: string }): Promise<{ der: Uint8Array; fileName: string }> {
	const row = await findApplicationIn(input.area, db, actor, input.number);
	if (!isUuid(input.documentId) || !(SIGNING_PARTIES as readonly string[]).includes(input.party)) throw new AppError('document.not_found');
	const [found] = await db
		.select({ cms: documentSignature.cms, originalName: resultDocument.originalName })
		.from(documentSignature)
		.innerJoin(resultDocument, eq(resultDocument.id, documentSignature.resultDocumentId))
		.where(and(eq(resultDocument.id, input.documentId), eq(resultDocument.applicationId, row.id), eq(documentSignature.party, input.party as SigningParty)));
	const der = found ? fromBase64(found.cms) : null;
	if (!found || !der) throw new AppError('document.not_found');
	if (input.area === 'office') {
		await recordAuditEvent(db, { action: 'application.signature_opened', actorUserId: actor.id, subject: row.number, ipAddress: input.ipAddress, details: { document: input.documentId, party: input.party } });
	}
	// The signature is named after its document: «act.pdf» → «act.pdf.applicant.cms».
	return { der, fileName: `${found.originalName}.${input.party}.cms` };
}
