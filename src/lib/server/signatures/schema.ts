import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, integer } from 'drizzle-orm/pg-core';
import { SIGNING_PARTIES } from '../../signing/signing-plan.ts';
import { userAccount } from '../accounts/schema.ts';
import { resultDocument } from '../applications/schema.ts';

/**
 * A verified EDS signature of a result document, stored beside the frozen document: the CMS as
 * received, and what the office and the verification page show of its certificate. A row exists
 * only once the server has checked it; one per party of the document's plan.
 */
export const documentSignature = pgTable(
	'document_signature',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		resultDocumentId: uuid('result_document_id')
			.notNull()
			.references(() => resultDocument.id, { onDelete: 'cascade' }),
		party: text('party', { enum: SIGNING_PARTIES }).notNull(),
		signerUserId: integer('signer_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
		/** Detached CMS, Base64 of its DER. */
		cms: text('cms').notNull(),
		subject: text('subject').notNull(),
		commonName: text('common_name').notNull(),
		signerIin: text('signer_iin').notNull(),
		signerBin: text('signer_bin'),
		organisation: text('organisation'),
		serialNumber: text('serial_number').notNull(),
		issuer: text('issuer').notNull(),
		notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
		notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
		/** As the signer's computer claimed it (covered by the signature). */
		signingTime: timestamp('signing_time', { withTimezone: true }),
		algorithm: text('algorithm').notNull(),
		roles: jsonb('roles').$type<string[]>().notNull(),
		/** When the server received and verified it. */
		verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull()
	},
	(t) => [uniqueIndex('document_signature_party_unique').on(t.resultDocumentId, t.party), index('document_signature_signer_idx').on(t.signerUserId)]
);
