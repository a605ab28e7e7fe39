import type { SigningParty } from '../signing/signing-plan.ts';

/** The kinds of document a provider issues on an application. */
export const RESULT_DOCUMENT_KINDS = ['consultation_answer', 'act', 'agreement', 'refusal_letter', 'other'] as const;
export type ResultDocumentKind = (typeof RESULT_DOCUMENT_KINDS)[number];

/** A result document as both sides' pages show it. */
export interface ResultDocumentView {
	id: string;
	kind: ResultDocumentKind;
	originalName: string;
	sizeBytes: number;
	/** Who must sign it, in order; empty when it is only to be read. */
	signers: SigningParty[];
	/** Sent for signing: its bytes no longer change. */
	frozenAt: Date | null;
	createdAt: Date;
	/** Verified signatures, in the order they came, with the certificate each was made with. */
	signatures: SignatureView[];
	/** Whose signature it waits for, once sent for signing; null when it needs none or has them all. */
	awaiting: SigningParty | null;
}

export interface SignatureView {
	party: SigningParty;
	commonName: string;
	organisation: string | null;
	verifiedAt: Date;
	certificate: { subject: string; serialNumber: string; issuer: string; notBefore: Date; notAfter: Date };
}
