// Object identifiers of RFC 6960 and RFC 5280 that the OCSP client and the test responder share.

export const OCSP_OID = {
	authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
	/** id-ad-ocsp: the access method of an AIA entry naming an OCSP responder. */
	accessMethodOcsp: '1.3.6.1.5.5.7.48.1',
	basicResponse: '1.3.6.1.5.5.7.48.1.1',
	nonce: '1.3.6.1.5.5.7.48.1.2',
	/** id-pkix-ocsp-nocheck: a delegated responder's own certificate is not checked for revocation. */
	noCheck: '1.3.6.1.5.5.7.48.1.5',
	ocspSigning: '1.3.6.1.5.5.7.3.9'
} as const;

/** OCSPResponseStatus values (RFC 6960, 4.2.1); 4 is unused. */
export const OCSP_RESPONSE_STATUS = {
	successful: 0,
	malformedRequest: 1,
	internalError: 2,
	tryLater: 3,
	sigRequired: 5,
	unauthorized: 6
} as const;
