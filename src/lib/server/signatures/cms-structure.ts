import * as asn1js from 'asn1js';
import {
	Certificate,
	ContentInfo,
	IssuerAndSerialNumber,
	RSAPublicKey,
	SignedData,
	type Attribute,
	type SignerInfo
} from 'pkijs';
import { bytesEqual, exactBuffer, fromBase64, fromPem } from '../../signing/cms/encoding.ts';
import {
	ECDSA_SIGNATURE_OIDS,
	KZ_GOST_ARC,
	OID,
	RSA_SIGNATURE_OIDS,
	SHA_BY_DIGEST_OID,
	SUPPORTED_CURVES
} from '../../signing/cms/oids.ts';
import { Refusal, refuse } from './refusal.ts';

// Taking a CMS apart before any cryptography: everything refused here is refused for its shape or
// its algorithms, cheaply, and only the algorithms we mean to support ever reach WebCrypto.

/** Far above a CMS with a certificate chain (a few KiB), far below what could hurt the parser. */
const MAX_CMS_BYTES = 256 * 1024;
const MAX_CERTIFICATES = 10;
const CMS_PEM_LABELS = new Set(['CMS', 'PKCS7', 'PKCS #7 SIGNED DATA']);

export interface ParsedCms {
	signerInfo: SignerInfo;
	signerCertificate: Certificate;
	/** The other certificates the CMS carries, candidates for intermediates. */
	otherCertificates: Certificate[];
	signedAttributes: Uint8Array;
	messageDigest: Uint8Array;
	signingTime: Date | null;
	hash: 'SHA-256' | 'SHA-384' | 'SHA-512';
	algorithm: 'rsa' | 'ecdsa';
}

function decodeText(text: string): Uint8Array {
	if (text.includes('-----BEGIN')) {
		let blocks;
		try {
			blocks = fromPem(text);
		} catch {
			refuse('malformed', 'PEM armour with a body that is not base64');
		}
		const [block, ...rest] = blocks;
		if (!block || rest.length > 0 || !CMS_PEM_LABELS.has(block.label)) {
			refuse('malformed', 'expected exactly one CMS or PKCS7 PEM block');
		}
		return block.der;
	}
	return fromBase64(text) ?? refuse('malformed', 'not base64');
}

function decodeInput(cms: string | Uint8Array): Uint8Array {
	if (cms.length > MAX_CMS_BYTES * 2) refuse('malformed', 'too large');
	// DER starts with a SEQUENCE tag; anything else given as bytes is taken for base64 or PEM text.
	const der = typeof cms === 'string' ? decodeText(cms) : cms[0] === 0x30 ? cms : decodeText(new TextDecoder().decode(cms));
	if (der.length === 0 || der.length > MAX_CMS_BYTES) refuse('malformed', 'empty or too large');
	return der;
}

function parseSignedData(der: Uint8Array): SignedData {
	const asn1 = asn1js.fromBER(exactBuffer(der));
	if (asn1.offset !== der.length) refuse('malformed', 'not a single BER value');
	try {
		const contentInfo = new ContentInfo({ schema: asn1.result });
		if (contentInfo.contentType !== OID.signedData) refuse('malformed', 'not SignedData');
		return new SignedData({ schema: contentInfo.content });
	} catch (error) {
		if (error instanceof Refusal) throw error;
		refuse('malformed', 'not a CMS ContentInfo');
	}
}

/** The value of an attribute that must occur at most once with a single value. */
function singleValue(attributes: Attribute[], type: string): unknown {
	const found = attributes.filter((attribute) => attribute.type === type);
	if (found.length === 0) return undefined;
	if (found.length > 1 || found[0]!.values.length !== 1) refuse('malformed', `attribute ${type} repeated`);
	return found[0]!.values[0];
}

function readSignedAttributes(signerInfo: SignerInfo, eContentType: string) {
	const signedAttrs = signerInfo.signedAttrs;
	// Without signed attributes the signature covers the bare content: no signing time, no binding of
	// the content type; NCALayer always adds them, so their absence means a different producer.
	if (!signedAttrs || signedAttrs.attributes.length === 0) refuse('malformed', 'no signed attributes');
	const attributes = signedAttrs.attributes;

	const contentType = singleValue(attributes, OID.contentType);
	if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.getValue() !== eContentType) {
		refuse('malformed', 'content-type attribute missing or different from the encapsulated type');
	}
	const messageDigest = singleValue(attributes, OID.messageDigest);
	if (!(messageDigest instanceof asn1js.OctetString)) refuse('malformed', 'message-digest attribute missing');
	const signingTime = singleValue(attributes, OID.signingTime);
	if (signingTime !== undefined && !(signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime)) {
		refuse('malformed', 'signing-time attribute is not a time');
	}
	const time = signingTime?.toDate() ?? null;
	return {
		signedAttributes: new Uint8Array(signedAttrs.encodedValue),
		messageDigest: new Uint8Array(messageDigest.valueBlock.valueHexView),
		signingTime: time && !Number.isNaN(time.getTime()) ? time : null
	};
}

async function findSignerCertificate(signerInfo: SignerInfo, certificates: Certificate[]): Promise<Certificate> {
	const sid = signerInfo.sid;
	if (sid instanceof IssuerAndSerialNumber) {
		const found = certificates.find((certificate) => certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber));
		if (found) return found;
	} else if (sid instanceof asn1js.BaseBlock) {
		// subjectKeyIdentifier [0]: the certificate's own SKI, else the SHA-1 of its key (RFC 5280 method 1).
		const id = new Uint8Array((sid as asn1js.Primitive).valueBlock.valueHexView);
		for (const certificate of certificates) {
			const ski = certificate.extensions?.find((extension) => extension.extnID === OID.subjectKeyIdentifier)?.parsedValue;
			if (ski instanceof asn1js.OctetString && bytesEqual(new Uint8Array(ski.valueBlock.valueHexView), id)) return certificate;
			const keyBits = certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
			const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', exactBuffer(keyBits)));
			if (bytesEqual(digest, id)) return certificate;
		}
	}
	refuse('malformed', "the signer's certificate is not in the CMS");
}

function isGost(oid: string): boolean {
	return oid.startsWith(KZ_GOST_ARC);
}

function checkAlgorithms(signerInfo: SignerInfo, certificate: Certificate) {
	const digestOid = signerInfo.digestAlgorithm.algorithmId;
	const signatureOid = signerInfo.signatureAlgorithm.algorithmId;
	const keyOid = certificate.subjectPublicKeyInfo.algorithm.algorithmId;
	// A GOST key under an RSA-looking signature OID is still not ours to verify.
	if (isGost(keyOid)) refuse('gost_unsupported', 'GOST signatures are verified by NCANode');

	const hash = SHA_BY_DIGEST_OID[digestOid] ?? refuse('unsupported_algorithm', `digest ${digestOid}`);
	if (keyOid === OID.rsaEncryption && RSA_SIGNATURE_OIDS.has(signatureOid)) {
		const key = certificate.subjectPublicKeyInfo.parsedKey;
		const modulus = key instanceof RSAPublicKey ? key.modulus.valueBlock.valueHexView : new Uint8Array();
		const significant = modulus.length - (modulus[0] === 0 ? 1 : 0);
		if (significant < 256) refuse('unsupported_algorithm', 'RSA key shorter than 2048 bits');
		return { hash, algorithm: 'rsa' as const };
	}
	if (keyOid === OID.ecPublicKey && ECDSA_SIGNATURE_OIDS.has(signatureOid)) {
		const params = certificate.subjectPublicKeyInfo.algorithm.algorithmParams;
		const curve = params instanceof asn1js.ObjectIdentifier ? params.getValue() : '';
		if (!SUPPORTED_CURVES.has(curve)) refuse('unsupported_algorithm', `curve ${curve || 'not named'}`);
		return { hash, algorithm: 'ecdsa' as const };
	}
	refuse('unsupported_algorithm', `signature ${signatureOid} with key ${keyOid}`);
}

/** Structure checks in the order callers see them: malformed, not detached, signer count, algorithms. */
export async function parseDetachedCms(cms: string | Uint8Array): Promise<ParsedCms> {
	const signedData = parseSignedData(decodeInput(cms));
	const eContentType = signedData.encapContentInfo.eContentType;
	if (eContentType !== OID.data) refuse('malformed', `encapsulated content type ${eContentType}`);
	if (signedData.encapContentInfo.eContent) refuse('not_detached', 'the CMS carries the document itself');
	if (signedData.signerInfos.length !== 1) refuse('signer_count', `${signedData.signerInfos.length} signers`);
	const signerInfo = signedData.signerInfos[0]!;
	const gostOids = [signerInfo.digestAlgorithm.algorithmId, signerInfo.signatureAlgorithm.algorithmId];
	if (gostOids.some(isGost)) refuse('gost_unsupported', 'GOST signatures are verified by NCANode');

	const attributes = readSignedAttributes(signerInfo, eContentType);
	const certificates = (signedData.certificates ?? []).filter((item) => item instanceof Certificate);
	if (certificates.length > MAX_CERTIFICATES) refuse('malformed', 'too many certificates');
	const signerCertificate = await findSignerCertificate(signerInfo, certificates);
	const { hash, algorithm } = checkAlgorithms(signerInfo, signerCertificate);
	return {
		signerInfo,
		signerCertificate,
		otherCertificates: certificates.filter((certificate) => !bytesEqual(certificate.tbsView, signerCertificate.tbsView)),
		...attributes,
		hash,
		algorithm
	};
}
