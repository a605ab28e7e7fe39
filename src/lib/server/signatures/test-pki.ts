import * as asn1js from 'asn1js';
import {
	AttributeTypeAndValue,
	AuthorityKeyIdentifier,
	BasicConstraints,
	Certificate,
	ExtKeyUsage,
	Extension,
	RelativeDistinguishedNames,
	Time,
	TimeType
} from 'pkijs';
import { certificateDer } from '../../signing/cms/certificate-info.ts';
import { webCrypto } from '../../signing/cms/crypto-engine.ts';
import { exactBuffer, toPem } from '../../signing/cms/encoding.ts';
import { DN_OID, OID, SIGNER_ROLES, type SignerRole } from '../../signing/cms/oids.ts';

// A stand-in for the national certification authority: certificates shaped like the real ones
// (subject, key usage, roles in the EKU) for tests and a demo mode. Never a trust anchor in production.

export type KeyAlgorithm = 'rsa' | 'ecdsa';

export interface TestCredentials {
	certificate: Certificate;
	certificatePem: string;
	certificateDer: Uint8Array;
	privateKey: CryptoKey;
	/** PKCS#8, so a demo CA or user can be kept between runs. */
	privateKeyPem: string;
	algorithm: KeyAlgorithm;
}

export type TestCa = TestCredentials;

export interface CreateTestCaOptions {
	algorithm: KeyAlgorithm;
	name?: string;
	/** Makes an intermediate CA issued by this one instead of a self-signed root. */
	issuer?: TestCa;
	notBefore?: Date;
	notAfter?: Date;
}

export interface TestCertificateOptions {
	iin: string;
	bin?: string;
	organisation?: string;
	surname: string;
	/** The first name; together with the surname it makes the CN, as in the national PKI. */
	givenName: string;
	/** The national PKI stores the patronymic in the GIVENNAME attribute. */
	patronymic?: string;
	roles: readonly SignerRole[];
	purpose: 'signing' | 'authentication';
	notBefore?: Date;
	notAfter?: Date;
	algorithm: KeyAlgorithm;
}

const DAY = 86_400_000;

const KEY_PARAMS: Record<KeyAlgorithm, RsaHashedKeyGenParams | EcKeyGenParams> = {
	rsa: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
	ecdsa: { name: 'ECDSA', namedCurve: 'P-256' }
};

async function generateKeyPair(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
	return globalThis.crypto.subtle.generateKey(KEY_PARAMS[algorithm], true, ['sign', 'verify']);
}

function utf8(value: string) {
	return new asn1js.Utf8String({ value });
}

function printable(value: string) {
	return new asn1js.PrintableString({ value });
}

/**
 * One attribute per RDN, as real certificates have it. pkijs would put every attribute into a single
 * multi-valued RDN ("CN=...+SN=..."), so the name is encoded here and parsed back.
 */
function name(entries: [string, asn1js.Utf8String | asn1js.PrintableString][]): RelativeDistinguishedNames {
	const rdns = entries.map(([type, value]) => new asn1js.Set({ value: [new AttributeTypeAndValue({ type, value }).toSchema()] }));
	return RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

function extension(extnID: string, critical: boolean, value: { toSchema(): asn1js.BaseBlock } | asn1js.BaseBlock) {
	const schema = value instanceof asn1js.BaseBlock ? value : value.toSchema();
	return new Extension({ extnID, critical, extnValue: schema.toBER(false), parsedValue: value });
}

/** Key usage bits, bit 0 first, as the DER BIT STRING RFC 5280 describes. */
function keyUsageBits(bits: number[]): asn1js.BitString {
	let byte = 0;
	for (const bit of bits) byte |= 0x80 >> bit;
	const unusedBits = 7 - Math.max(...bits);
	return new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits });
}

function randomSerial(): asn1js.Integer {
	const bytes = globalThis.crypto.getRandomValues(new Uint8Array(20));
	// Positive and without a leading zero, so DER keeps all 20 bytes.
	bytes[0] = (bytes[0]! & 0x7f) | 0x10;
	return new asn1js.Integer({ valueHex: bytes.buffer });
}

/** RFC 5280 4.2.1.2, method 1: SHA-1 of the subject public key bits. */
async function keyIdentifier(certificate: Certificate): Promise<ArrayBuffer> {
	return globalThis.crypto.subtle.digest('SHA-1', exactBuffer(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView));
}

interface Blueprint {
	subject: RelativeDistinguishedNames;
	notBefore: Date;
	notAfter: Date;
	extensions: Extension[];
	algorithm: KeyAlgorithm;
}

async function issue(blueprint: Blueprint, issuer: TestCredentials | null): Promise<TestCredentials> {
	const keys = await generateKeyPair(blueprint.algorithm);
	const certificate = new Certificate();
	certificate.version = 2;
	certificate.serialNumber = randomSerial();
	certificate.subject = blueprint.subject;
	certificate.issuer = issuer ? issuer.certificate.subject : blueprint.subject;
	certificate.notBefore = new Time({ type: TimeType.UTCTime, value: blueprint.notBefore });
	certificate.notAfter = new Time({ type: TimeType.UTCTime, value: blueprint.notAfter });
	await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, webCrypto);

	const ownId = new asn1js.OctetString({ valueHex: await keyIdentifier(certificate) });
	const authorityId = issuer ? new asn1js.OctetString({ valueHex: await keyIdentifier(issuer.certificate) }) : ownId;
	certificate.extensions = [
		...blueprint.extensions,
		extension(OID.subjectKeyIdentifier, false, ownId),
		extension(OID.authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: authorityId }))
	];
	await certificate.sign(issuer ? issuer.privateKey : keys.privateKey, 'SHA-256', webCrypto);

	const der = certificateDer(certificate);
	const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
	return {
		certificate,
		certificatePem: toPem('CERTIFICATE', der),
		certificateDer: der,
		privateKey: keys.privateKey,
		privateKeyPem: toPem('PRIVATE KEY', pkcs8),
		algorithm: blueprint.algorithm
	};
}

/** A root (or, with `issuer`, an intermediate) CA valid from yesterday for ten years by default. */
export async function createTestCa(options: CreateTestCaOptions): Promise<TestCa> {
	const now = Date.now();
	const label = options.algorithm === 'rsa' ? 'RSA' : 'ECDSA';
	return issue(
		{
			subject: name([
				[DN_OID.commonName, utf8(options.name ?? `TEST NATIONAL CERTIFICATION AUTHORITY (${label})`)],
				[DN_OID.country, printable('KZ')]
			]),
			notBefore: options.notBefore ?? new Date(now - DAY),
			notAfter: options.notAfter ?? new Date(now + 3650 * DAY),
			extensions: [
				extension(OID.basicConstraints, true, new BasicConstraints({ cA: true })),
				extension(OID.keyUsage, true, keyUsageBits([5, 6])) // keyCertSign, cRLSign
			],
			algorithm: options.algorithm
		},
		options.issuer ?? null
	);
}

/**
 * A user certificate as the national PKI issues them: signing keys carry digitalSignature and
 * nonRepudiation with emailProtection, authentication keys digitalSignature and keyEncipherment with
 * clientAuth; the roles follow the purpose in the EKU.
 */
export async function issueTestCertificate(ca: TestCa, options: TestCertificateOptions): Promise<TestCredentials> {
	if (!/^\d{12}$/.test(options.iin)) throw new TypeError('IIN must be 12 digits');
	if (options.bin !== undefined && !/^\d{12}$/.test(options.bin)) throw new TypeError('BIN must be 12 digits');
	const now = Date.now();
	const surname = options.surname.toUpperCase();
	const entries: [string, asn1js.Utf8String | asn1js.PrintableString][] = [
		[DN_OID.commonName, utf8(`${surname} ${options.givenName.toUpperCase()}`)],
		[DN_OID.surname, utf8(surname)],
		[DN_OID.serialNumber, printable(`IIN${options.iin}`)],
		[DN_OID.country, printable('KZ')]
	];
	if (options.organisation !== undefined) entries.push([DN_OID.organisation, utf8(options.organisation)]);
	if (options.bin !== undefined) entries.push([DN_OID.organisationalUnit, utf8(`BIN${options.bin}`)]);
	if (options.patronymic !== undefined) entries.push([DN_OID.givenName, utf8(options.patronymic.toUpperCase())]);

	const signing = options.purpose === 'signing';
	const purposes = [signing ? OID.emailProtection : OID.clientAuth, ...options.roles.map((role) => SIGNER_ROLES[role])];
	return issue(
		{
			subject: name(entries),
			notBefore: options.notBefore ?? new Date(now - 3_600_000),
			notAfter: options.notAfter ?? new Date(now + 365 * DAY),
			extensions: [
				// digitalSignature + nonRepudiation, or digitalSignature + keyEncipherment
				extension(OID.keyUsage, true, keyUsageBits(signing ? [0, 1] : [0, 2])),
				extension(OID.extKeyUsage, false, new ExtKeyUsage({ keyPurposes: purposes }))
			],
			algorithm: options.algorithm
		},
		ca
	);
}
