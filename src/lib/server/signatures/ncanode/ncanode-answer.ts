// Reads NCANode v3's CmsVerificationResponse into checked values. Every field the verdict rests on is
// type-checked here, so a proxy error page or a changed API reads as "unreadable", not as a signer.

export interface NcaName {
	commonName: string | null;
	iin: string | null;
	bin: string | null;
	organization: string | null;
	/** The distinguished name as NCANode prints it (Java's X500Principal). */
	dn: string | null;
}

export interface NcaRevocation {
	revoked: boolean;
	/** 'OCSP' or 'CRL'. */
	by: string | null;
	revocationTime: Date | null;
	/** "OK" when the responder answered, otherwise why it could not. */
	reason: string | null;
}

export interface NcaCertificate {
	valid: boolean;
	notBefore: Date;
	notAfter: Date;
	/** 'SIGN', 'AUTH' or 'UNKNOWN'. */
	keyUsage: string | null;
	/** Lower-case hex without leading zeros. */
	serialNumber: string;
	keyUser: string[];
	revocations: NcaRevocation[];
	subject: NcaName;
	issuer: NcaName;
}

export interface NcaSigner {
	certificates: NcaCertificate[];
	/** genTime of the signature time-stamp token, when there is one. */
	tspTime: Date | null;
}

export interface NcaAnswer {
	valid: boolean;
	signers: NcaSigner[];
}

class BadShape extends Error {}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadShape(`${what} is not an object`);
	return value as Json;
}

function array(value: unknown, what: string): unknown[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw new BadShape(`${what} is not a list`);
	return value;
}

function optionalString(value: unknown, what: string): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') throw new BadShape(`${what} is not text`);
	return value;
}

function boolean(value: unknown, what: string): boolean {
	if (typeof value !== 'boolean') throw new BadShape(`${what} is not true or false`);
	return value;
}

/** Spring Boot's Jackson writes java.util.Date as ISO-8601 text; epoch milliseconds if reconfigured. */
function date(value: unknown, what: string): Date {
	const parsed = typeof value === 'number' ? new Date(value) : typeof value === 'string' ? new Date(value) : null;
	if (!parsed || Number.isNaN(parsed.getTime())) throw new BadShape(`${what} is not a date`);
	return parsed;
}

function optionalDate(value: unknown, what: string): Date | null {
	return value === undefined || value === null ? null : date(value, what);
}

/**
 * NCANode v3 writes `BigInteger.toString(16)` (CertificateWrapper.toCertificateInfo): hex, lower case,
 * no leading zeros. A digits-only value is therefore still hex; we do not guess at decimal.
 * Upper case and leading zeros are accepted and normalised away; a sign or other characters are not.
 */
export function normaliseSerial(value: unknown): string {
	if (typeof value !== 'string' || !/^[0-9a-fA-F]+$/.test(value)) throw new BadShape('serialNumber is not hex');
	return value.toLowerCase().replace(/^0+(?=.)/, '');
}

function readName(value: unknown, what: string): NcaName {
	const name = value === undefined || value === null ? {} : object(value, what);
	return {
		commonName: optionalString(name.commonName, `${what}.commonName`),
		iin: optionalString(name.iin, `${what}.iin`),
		bin: optionalString(name.bin, `${what}.bin`),
		organization: optionalString(name.organization, `${what}.organization`),
		dn: optionalString(name.dn, `${what}.dn`)
	};
}

function readRevocation(value: unknown): NcaRevocation {
	const entry = object(value, 'revocation');
	return {
		revoked: boolean(entry.revoked, 'revocation.revoked'),
		by: optionalString(entry.by, 'revocation.by'),
		revocationTime: optionalDate(entry.revocationTime, 'revocation.revocationTime'),
		reason: optionalString(entry.reason, 'revocation.reason')
	};
}

function readCertificate(value: unknown): NcaCertificate {
	const certificate = object(value, 'certificate');
	return {
		valid: boolean(certificate.valid, 'certificate.valid'),
		notBefore: date(certificate.notBefore, 'notBefore'),
		notAfter: date(certificate.notAfter, 'notAfter'),
		keyUsage: optionalString(certificate.keyUsage, 'keyUsage'),
		serialNumber: normaliseSerial(certificate.serialNumber),
		keyUser: array(certificate.keyUser, 'keyUser').map((entry) => optionalString(entry, 'keyUser') ?? ''),
		revocations: array(certificate.revocations, 'revocations').map(readRevocation),
		subject: readName(certificate.subject, 'subject'),
		issuer: readName(certificate.issuer, 'issuer')
	};
}

function readSigner(value: unknown): NcaSigner {
	const signer = object(value, 'signer');
	const tsp = signer.tsp === undefined || signer.tsp === null ? null : object(signer.tsp, 'tsp');
	return {
		certificates: array(signer.certificates, 'certificates').map(readCertificate),
		tspTime: tsp ? optionalDate(tsp.genTime, 'tsp.genTime') : null
	};
}

/** The checked answer, or a short text saying what in it could not be read. */
export function readAnswer(raw: unknown): NcaAnswer | string {
	try {
		const answer = object(raw, 'answer');
		// `signers` must be present: an answer without it is not a CmsVerificationResponse.
		if (!Array.isArray(answer.signers)) throw new BadShape('signers is missing');
		return { valid: boolean(answer.valid, 'valid'), signers: answer.signers.map(readSigner) };
	} catch (error) {
		if (error instanceof BadShape) return error.message;
		throw error;
	}
}
