import * as asn1js from 'asn1js';
import {
	Attribute,
	ContentInfo,
	EncapsulatedContentInfo,
	IssuerAndSerialNumber,
	SignedAndUnsignedAttributes,
	SignedData,
	SignerInfo,
	type Certificate
} from 'pkijs';
import { toCertificate } from './certificate-info.ts';
import { webCrypto } from './crypto-engine.ts';
import { exactBuffer, sha256, toBase64 } from './encoding.ts';
import { OID } from './oids.ts';

// The test signer: makes the detached CMS NCALayer returns for an RSA or ECDSA key, so the whole
// signing flow can be exercised without a token. It must also run in the browser: WebCrypto only.

export interface SignDetachedInput {
	content: Uint8Array;
	/** The signer's certificate: PEM, DER or parsed. */
	certificate: string | Uint8Array | Certificate;
	/** RSASSA-PKCS1-v1_5 (SHA-256) or ECDSA key matching the certificate. */
	privateKey: CryptoKey;
	signingTime?: Date;
	/** Intermediate certificates to carry along, as NCALayer does when the token holds them. */
	chain?: readonly (string | Uint8Array | Certificate)[];
}

/** RFC 5652 11.3: UTCTime for 1950-2049, GeneralizedTime outside it. */
function timeValue(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
	const year = date.getUTCFullYear();
	return year >= 1950 && year < 2050 ? new asn1js.UTCTime({ valueDate: date }) : new asn1js.GeneralizedTime({ valueDate: date });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
	}
	return a.length - b.length;
}

/** DER wants a SET OF sorted by encoding; verifiers that re-encode the attributes rely on it. */
function derSorted(attributes: Attribute[]): Attribute[] {
	const encoded = attributes.map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER(false)) }));
	return encoded.sort((a, b) => compareBytes(a.der, b.der)).map((entry) => entry.attribute);
}

/** A detached CMS SignedData over `content` (SHA-256), base64 DER. */
export async function signDetached(input: SignDetachedInput): Promise<string> {
	const certificate = toCertificate(input.certificate);
	const digest = await sha256(input.content);
	const attributes = derSorted([
		new Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
		new Attribute({ type: OID.signingTime, values: [timeValue(input.signingTime ?? new Date())] }),
		new Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: exactBuffer(digest) })] })
	]);
	const signedData = new SignedData({
		version: 1,
		encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
		signerInfos: [
			new SignerInfo({
				version: 1,
				sid: new IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
				signedAttrs: new SignedAndUnsignedAttributes({ type: 0, attributes })
			})
		],
		certificates: [certificate, ...(input.chain ?? []).map(toCertificate)]
	});
	await signedData.sign(input.privateKey, 0, 'SHA-256', exactBuffer(input.content), webCrypto);
	const contentInfo = new ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
	return toBase64(new Uint8Array(contentInfo.toSchema().toBER(false)));
}
