/** The refusal codes of signature checks, as the pages name them (`error_signature_<code>`). */
export type SignatureRefusalCode =
	| 'malformed'
	| 'not_detached'
	| 'signer_count'
	| 'gost_unsupported'
	| 'unsupported_algorithm'
	| 'bad_signature'
	| 'content_changed'
	| 'untrusted_chain'
	| 'expired'
	| 'not_signing_key'
	| 'wrong_owner'
	| 'wrong_role'
	| 'revoked'
	| 'revocation_unavailable'
	| 'verifier_unavailable';

/**
 * What the public check shows of a signature: who signed (as the certificate names them), when,
 * with which certificate, and whether it holds against the trust store. Nothing else about the
 * application or the applicant.
 */
export interface CheckedSignature {
	isValid: boolean;
	/** Why it does not hold; null when it does. */
	reason: SignatureRefusalCode | null;
	signer: { commonName: string; organisation: string | null; signingTime: Date | null; issuer: string; serialNumber: string; notBefore: Date; notAfter: Date } | null;
}
