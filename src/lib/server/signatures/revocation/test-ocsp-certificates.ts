import * as asn1js from 'asn1js';
import { AttributeTypeAndValue, Certificate, ExtKeyUsage, Extension, RelativeDistinguishedNames, Time, TimeType } from 'pkijs';
import { webCrypto } from '../../../signing/cms/crypto-engine.ts';
import { DN_OID, OID } from '../../../signing/cms/oids.ts';
import type { KeyAlgorithm, TestCa } from '../test-pki.ts';
import { OCSP_OID } from './ocsp-oids.ts';

// The certificate of a delegated OCSP responder, as a CA gives one to its responder (RFC 6960,
// 4.2.2.2). test-pki.ts makes CAs and users only, so this one is built here.

export interface ResponderCredentials {
	certificate: Certificate;
	privateKey: CryptoKey;
}

const HOUR = 3_600_000;

const KEY_PARAMS: Record<KeyAlgorithm, RsaHashedKeyGenParams | EcKeyGenParams> = {
	rsa: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
	ecdsa: { name: 'ECDSA', namedCurve: 'P-256' }
};

/** One attribute per RDN, as in test-pki.ts: pkijs alone would make a single multi-valued RDN. */
function name(commonName: string): RelativeDistinguishedNames {
	const entries: [string, asn1js.Utf8String | asn1js.PrintableString][] = [
		[DN_OID.commonName, new asn1js.Utf8String({ value: commonName })],
		[DN_OID.country, new asn1js.PrintableString({ value: 'KZ' })]
	];
	const rdns = entries.map(([type, value]) => new asn1js.Set({ value: [new AttributeTypeAndValue({ type, value }).toSchema()] }));
	return RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock, parsedValue?: unknown): Extension {
	return new Extension({ extnID, critical, extnValue: value.toBER(false), parsedValue: parsedValue ?? value });
}

/** A short-lived responder certificate issued by the CA: digitalSignature, EKU id-kp-OCSPSigning, ocsp-nocheck. */
export async function issueResponderCertificate(ca: TestCa): Promise<ResponderCredentials> {
	const keys = (await globalThis.crypto.subtle.generateKey(KEY_PARAMS[ca.algorithm], true, ['sign', 'verify'])) as CryptoKeyPair;
	const certificate = new Certificate();
	const serial = globalThis.crypto.getRandomValues(new Uint8Array(16));
	serial[0] = (serial[0]! & 0x7f) | 0x10;
	const now = Date.now();
	certificate.version = 2;
	certificate.serialNumber = new asn1js.Integer({ valueHex: serial.buffer });
	certificate.subject = name('TEST OCSP RESPONDER');
	certificate.issuer = ca.certificate.subject;
	certificate.notBefore = new Time({ type: TimeType.UTCTime, value: new Date(now - HOUR) });
	certificate.notAfter = new Time({ type: TimeType.UTCTime, value: new Date(now + 30 * 24 * HOUR) });
	await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, webCrypto);
	const purposes = new ExtKeyUsage({ keyPurposes: [OCSP_OID.ocspSigning] });
	certificate.extensions = [
		extension(OID.keyUsage, true, new asn1js.BitString({ valueHex: new Uint8Array([0x80]).buffer, unusedBits: 7 })),
		extension(OID.extKeyUsage, false, purposes.toSchema(), purposes),
		extension(OCSP_OID.noCheck, false, new asn1js.Null())
	];
	await certificate.sign(ca.privateKey, 'SHA-256', webCrypto);
	return { certificate, privateKey: keys.privateKey };
}
