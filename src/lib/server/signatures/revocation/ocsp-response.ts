import * as asn1js from 'asn1js';
import { BasicOCSPResponse, CertID, OCSPResponse, type Certificate, type SingleResponse } from 'pkijs';
import { extendedKeyUsage, keyUsage } from '../../../signing/cms/certificate-info.ts';
import { webCrypto } from '../../../signing/cms/crypto-engine.ts';
import { bytesEqual, exactBuffer } from '../../../signing/cms/encoding.ts';
import { OCSP_OID, OCSP_RESPONSE_STATUS } from './ocsp-oids.ts';

// Reading an OCSP answer. Everything in it comes from the network, so every step either proves
// something (a signature by the issuer or its authorised responder, our nonce, our CertID) or the
// answer is not used.

/** Responders and we rarely share a clock to the second. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type SingleStatus = { status: 'good' } | { status: 'revoked'; revokedAt: Date | null } | { status: 'unknown' };

/** Why the answer cannot be used. Thrown inside this module only, and turned into 'unavailable' by the client. */
export class UnusableResponse extends Error {}

function unusable(detail: string): never {
	throw new UnusableResponse(detail);
}

const STATUS_NAMES = new Map<number, string>(Object.entries(OCSP_RESPONSE_STATUS).map(([name, value]) => [value, name]));

/** The BasicOCSPResponse inside a DER OCSPResponse; pkijs's own parse errors surface as thrown errors. */
export function parseBasicResponse(der: Uint8Array): BasicOCSPResponse {
	const asn1 = asn1js.fromBER(exactBuffer(der));
	if (asn1.offset === -1 || asn1.offset !== der.length) unusable('the answer is not a DER OCSP response');
	const response = new OCSPResponse({ schema: asn1.result });
	const status = response.responseStatus.valueBlock.valueDec;
	if (status !== OCSP_RESPONSE_STATUS.successful) unusable(`the responder refused: ${STATUS_NAMES.get(status) ?? `status ${status}`}`);
	if (!response.responseBytes) unusable('a successful answer without a response');
	if (response.responseBytes.responseType !== OCSP_OID.basicResponse) unusable(`unsupported response type ${response.responseBytes.responseType}`);
	return BasicOCSPResponse.fromBER(exactBuffer(response.responseBytes.response.valueBlock.valueHexView));
}

async function signedBy(response: BasicOCSPResponse, signer: Certificate): Promise<boolean> {
	try {
		return await webCrypto.verifyWithPublicKey(exactBuffer(response.tbsResponseData.tbsView), response.signature, signer.subjectPublicKeyInfo, response.signatureAlgorithm);
	} catch {
		// A key of another type or a malformed signature: not signed by this certificate.
		return false;
	}
}

/** RFC 6960 4.2.2.2: a certificate the issuer itself gave to its responder, marked for OCSP signing. */
async function isAuthorisedResponder(candidate: Certificate, issuer: Certificate, now: Date): Promise<boolean> {
	if (!candidate.issuer.isEqual(issuer.subject)) return false;
	if (!(extendedKeyUsage(candidate) ?? []).includes(OCSP_OID.ocspSigning)) return false;
	const usage = keyUsage(candidate);
	if (usage && !usage.digitalSignature) return false;
	if (now < candidate.notBefore.value || candidate.notAfter.value < now) return false;
	try {
		return await candidate.verify(issuer, webCrypto);
	} catch {
		return false;
	}
}

/**
 * pkijs's BasicOCSPResponse.verify is not used: it refuses responses that carry no certificates
 * (the usual case when the issuer signs itself) and validates a delegated responder's chain at the
 * wall-clock time rather than at `now`.
 */
export async function checkResponseSigner(response: BasicOCSPResponse, issuer: Certificate, now: Date): Promise<void> {
	if (await signedBy(response, issuer)) return;
	for (const candidate of response.certs ?? []) {
		if ((await isAuthorisedResponder(candidate, issuer, now)) && (await signedBy(response, candidate))) return;
	}
	unusable('the answer is not signed by the issuer or by a responder it authorised');
}

/**
 * A response that echoes a nonce must echo ours; one without a nonce is accepted, as many responders
 * (pre-signed answers from a cache) never echo one and freshness is then judged by the dates.
 */
export function checkNonce(response: BasicOCSPResponse, nonceExtnValue: Uint8Array, nonce: Uint8Array): void {
	const echoed = response.tbsResponseData.responseExtensions?.find((extension) => extension.extnID === OCSP_OID.nonce);
	if (!echoed) return;
	const value = echoed.extnValue.valueBlock.valueHexView;
	// RFC 2560 left the encoding open and some responders echo the bare bytes without the OCTET STRING.
	if (!bytesEqual(value, nonceExtnValue) && !bytesEqual(value, nonce)) unusable('the answer carries another request\'s nonce');
}

async function findSingleResponse(response: BasicOCSPResponse, certificate: Certificate, issuer: Certificate): Promise<SingleResponse | undefined> {
	for (const single of response.tbsResponseData.responses) {
		const hash = webCrypto.getAlgorithmByOID(single.certID.hashAlgorithm.algorithmId, false);
		if (!('name' in hash)) continue;
		const expected = await CertID.create(certificate, { hashAlgorithm: hash.name, issuerCertificate: issuer }, webCrypto);
		if (single.certID.isEqual(expected)) return single;
	}
	return undefined;
}

function readStatus(single: SingleResponse): SingleStatus {
	const block = single.certStatus as asn1js.BaseBlock;
	if (block.idBlock.tagClass !== 3) unusable('a malformed certificate status');
	switch (block.idBlock.tagNumber) {
		case 0:
			return { status: 'good' };
		case 1: {
			// RevokedInfo: revocationTime, then an optional reason, which a refusal does not need.
			const first = (block as asn1js.Constructed).valueBlock.value?.[0];
			return { status: 'revoked', revokedAt: first instanceof asn1js.GeneralizedTime ? first.toDate() : null };
		}
		case 2:
			return { status: 'unknown' };
		default:
			return unusable(`a certificate status with tag ${block.idBlock.tagNumber}`);
	}
}

/** The status the response gives our certificate, if it is current at `now`. */
export async function certificateStatus(response: BasicOCSPResponse, certificate: Certificate, issuer: Certificate, now: Date): Promise<SingleStatus> {
	const single = await findSingleResponse(response, certificate, issuer);
	if (!single) unusable('the answer does not cover the certificate');
	if (single.thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS) unusable(`the answer is dated ${single.thisUpdate.toISOString()}, in the future`);
	if (single.nextUpdate && now.getTime() > single.nextUpdate.getTime() + CLOCK_SKEW_MS) {
		unusable(`the answer expired at ${single.nextUpdate.toISOString()}`);
	}
	return readStatus(single);
}
