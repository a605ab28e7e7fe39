import * as asn1js from 'asn1js';
import { BasicConstraints, Certificate, ExtKeyUsage, type RelativeDistinguishedNames } from 'pkijs';
import { exactBuffer, fromPem, toHex } from './encoding.ts';
import { DN_OID, DN_SHORT_NAMES, OID, roleForOid, type SignerRole } from './oids.ts';

// Reading what the national PKI puts into a certificate: the owner's identity in the subject, the
// roles in the extended key usage, and the key usage bits.

const IIN = /^IIN(\d{12})$/;
const BIN = /^BIN(\d{12})$/;

/** Parses one DER certificate; trailing bytes are refused so one blob cannot carry two meanings. */
export function parseCertificateDer(der: Uint8Array): Certificate {
	const asn1 = asn1js.fromBER(exactBuffer(der));
	if (asn1.offset !== der.length) throw new Error('Not a DER certificate');
	return new Certificate({ schema: asn1.result });
}

/**
 * Certificates from a PEM text (several blocks allowed) or a single DER certificate: the national
 * PKI publishes its root and intermediate certificates as DER `.cer` files, re-hosted as PEM elsewhere.
 */
export function parseCertificates(data: string | Uint8Array): Certificate[] {
	const text = typeof data === 'string' ? data : new TextDecoder('latin1').decode(data);
	if (!text.includes('-----BEGIN')) {
		if (typeof data === 'string') throw new Error('No PEM certificate found');
		return [parseCertificateDer(data)];
	}
	const certificates = fromPem(text)
		.filter((block) => block.label === 'CERTIFICATE' || block.label === 'X509 CERTIFICATE')
		.map((block) => parseCertificateDer(block.der));
	if (certificates.length === 0) throw new Error('No PEM certificate found');
	return certificates;
}

/** A certificate given as PEM text, DER bytes or an already parsed object. */
export function toCertificate(input: string | Uint8Array | Certificate): Certificate {
	if (input instanceof Certificate) return input;
	const [first, ...rest] = parseCertificates(input);
	if (!first || rest.length > 0) throw new Error('Expected exactly one certificate');
	return first;
}

export function certificateDer(certificate: Certificate): Uint8Array {
	return new Uint8Array(certificate.toSchema().toBER(false));
}

function attributeText(value: unknown): string {
	const block = (value as { valueBlock?: { value?: unknown } }).valueBlock;
	return typeof block?.value === 'string' ? block.value : '';
}

/** All values of one attribute type in a name, in the order they appear. */
export function nameValues(name: RelativeDistinguishedNames, type: string): string[] {
	return name.typesAndValues.filter((entry) => entry.type === type).map((entry) => attributeText(entry.value));
}

/**
 * A one-line name for people and logs, in the certificate's own order as NCALayer shows it. Only the
 * separators are escaped: organisation names are full of quotes, which RFC 4514 would also escape.
 */
export function readableName(name: RelativeDistinguishedNames): string {
	return name.typesAndValues
		.map((entry) => {
			const value = attributeText(entry.value).replace(/([,+\\])/g, '\\$1');
			return `${DN_SHORT_NAMES[entry.type] ?? entry.type}=${value}`;
		})
		.join(', ');
}

/** The single value matching a pattern, or null when there is none or several different ones. */
function uniqueMatch(values: string[], pattern: RegExp): string | null {
	const found = new Set(values.map((value) => pattern.exec(value)?.[1]).filter((value) => value !== undefined));
	return found.size === 1 ? [...found][0]! : null;
}

export interface SubjectIdentity {
	commonName: string;
	surname: string | null;
	/** The patronymic, which the national PKI stores as GIVENNAME. */
	givenName: string | null;
	iin: string | null;
	bin: string | null;
	organisation: string | null;
}

export function subjectIdentity(certificate: Certificate): SubjectIdentity {
	const subject = certificate.subject;
	const first = (type: string) => nameValues(subject, type)[0] ?? null;
	return {
		commonName: first(DN_OID.commonName) ?? '',
		surname: first(DN_OID.surname),
		givenName: first(DN_OID.givenName),
		iin: uniqueMatch(nameValues(subject, DN_OID.serialNumber), IIN),
		bin: uniqueMatch(nameValues(subject, DN_OID.organisationalUnit), BIN),
		organisation: first(DN_OID.organisation)
	};
}

function extension(certificate: Certificate, id: string) {
	return certificate.extensions?.find((candidate) => candidate.extnID === id);
}

/** Extended key usage OIDs, or null when the certificate has no such extension. */
export function extendedKeyUsage(certificate: Certificate): string[] | null {
	const parsed = extension(certificate, OID.extKeyUsage)?.parsedValue;
	return parsed instanceof ExtKeyUsage ? parsed.keyPurposes : null;
}

/** The national PKI's roles, which it records as extra key purposes in the EKU extension. */
export function certificateRoles(certificate: Certificate): SignerRole[] {
	const roles = (extendedKeyUsage(certificate) ?? []).map(roleForOid).filter((role) => role !== undefined);
	return [...new Set(roles)];
}

export interface KeyUsage {
	digitalSignature: boolean;
	nonRepudiation: boolean;
	keyEncipherment: boolean;
	keyCertSign: boolean;
}

export function keyUsage(certificate: Certificate): KeyUsage | null {
	const parsed = extension(certificate, OID.keyUsage)?.parsedValue;
	if (!(parsed instanceof asn1js.BitString)) return null;
	// Bit 0 is the most significant bit of the first byte (RFC 5280, 4.2.1.3).
	const first = parsed.valueBlock.valueHexView[0] ?? 0;
	return {
		digitalSignature: (first & 0x80) !== 0,
		nonRepudiation: (first & 0x40) !== 0,
		keyEncipherment: (first & 0x20) !== 0,
		keyCertSign: (first & 0x04) !== 0
	};
}

export function isCaCertificate(certificate: Certificate): boolean {
	const parsed = extension(certificate, OID.basicConstraints)?.parsedValue;
	return parsed instanceof BasicConstraints && parsed.cA;
}

const UNDERSTOOD_EXTENSIONS = new Set<string>([
	OID.keyUsage,
	OID.extKeyUsage,
	OID.basicConstraints,
	OID.subjectKeyIdentifier,
	OID.authorityKeyIdentifier,
	OID.certificatePolicies,
	'2.5.29.17', // subjectAltName
	'2.5.29.31', // CRL distribution points
	'1.3.6.1.5.5.7.1.1' // authority information access
]);

/** RFC 5280 requires refusing a certificate with a critical extension the verifier does not process. */
export function unknownCriticalExtensions(certificate: Certificate): string[] {
	return (certificate.extensions ?? [])
		.filter((candidate) => candidate.critical && !UNDERSTOOD_EXTENSIONS.has(candidate.extnID))
		.map((candidate) => candidate.extnID);
}

/** The serial number as unsigned hex, without the sign byte DER adds when the high bit is set. */
export function serialNumberHex(certificate: Certificate): string {
	const bytes = certificate.serialNumber.valueBlock.valueHexView;
	let start = 0;
	while (start < bytes.length - 1 && bytes[start] === 0) start++;
	return toHex(bytes.subarray(start));
}

export interface CertificateDescription {
	subject: string;
	commonName: string;
	iin: string | null;
	bin: string | null;
	organisation: string | null;
	serialNumber: string;
	issuer: string;
	notBefore: Date;
	notAfter: Date;
	roles: SignerRole[];
}

/** What a person needs to recognise a certificate: who, issued by whom, and when it is valid. */
export function describeCertificate(certificate: Certificate | Uint8Array): CertificateDescription {
	const parsed = certificate instanceof Uint8Array ? parseCertificateDer(certificate) : certificate;
	const identity = subjectIdentity(parsed);
	return {
		subject: readableName(parsed.subject),
		commonName: identity.commonName,
		iin: identity.iin,
		bin: identity.bin,
		organisation: identity.organisation,
		serialNumber: serialNumberHex(parsed),
		issuer: readableName(parsed.issuer),
		notBefore: parsed.notBefore.value,
		notAfter: parsed.notAfter.value,
		roles: certificateRoles(parsed)
	};
}
