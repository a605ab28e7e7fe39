import * as asn1js from 'asn1js';
import { Extension, InfoAccess, OCSPRequest, type Certificate } from 'pkijs';
import { parseCertificateDer } from '../../../signing/cms/certificate-info.ts';
import { webCrypto } from '../../../signing/cms/crypto-engine.ts';
import { OCSP_OID } from './ocsp-oids.ts';
import { certificateStatus, checkNonce, checkResponseSigner, parseBasicResponse, UnusableResponse } from './ocsp-response.ts';

// An OCSP client (RFC 6960) for the signer's certificate. Whatever the network or the responder does
// ends as a status, never as an exception: the caller decides what an unavailable answer means.

export type RevocationStatus = { status: 'good' } | { status: 'revoked'; revokedAt: Date | null } | { status: 'unknown' } | { status: 'unavailable'; detail: string };

export interface OcspCheckInput {
	certificateDer: Uint8Array;
	issuerCertificateDer: Uint8Array;
	/** responder URL; when absent, the certificate's AIA OCSP URL */
	url?: string;
	now: Date;
	timeoutMs?: number;
	fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 5000;
/** Real answers are a few kilobytes; a responder streaming more is broken or hostile. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
const NONCE_BYTES = 16;

type Unavailable = { status: 'unavailable'; detail: string };

function unavailable(detail: string): Unavailable {
	return { status: 'unavailable', detail };
}

/** The first http(s) OCSP responder in the Authority Information Access extension, or null. */
export function ocspUrlOf(certificate: Certificate): string | null {
	const parsed = certificate.extensions?.find((extension) => extension.extnID === OCSP_OID.authorityInfoAccess)?.parsedValue;
	if (!(parsed instanceof InfoAccess)) return null;
	for (const description of parsed.accessDescriptions) {
		// GeneralName type 6 is uniformResourceIdentifier.
		if (description.accessMethod !== OCSP_OID.accessMethodOcsp || description.accessLocation.type !== 6) continue;
		const value: unknown = description.accessLocation.value;
		if (typeof value === 'string' && /^https?:\/\//i.test(value)) return value;
	}
	return null;
}

async function buildRequest(certificate: Certificate, issuer: Certificate, nonceExtnValue: Uint8Array): Promise<Uint8Array> {
	const request = new OCSPRequest();
	// SHA-1 CertIDs are what responders, the national PKI's included, index their answers by.
	await request.createForCertificate(certificate, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer }, webCrypto);
	request.tbsRequest.requestExtensions = [new Extension({ extnID: OCSP_OID.nonce, critical: false, extnValue: nonceExtnValue.slice().buffer })];
	// Without `true` pkijs would encode the TBSRequest from its (empty) cached bytes: an empty schema.
	return new Uint8Array(request.toSchema(true).toBER(false));
}

async function readCapped(response: Response): Promise<Uint8Array | Unavailable> {
	const declared = Number(response.headers.get('content-length') ?? '0');
	if (declared > MAX_RESPONSE_BYTES) {
		await response.body?.cancel().catch(() => {});
		return unavailable(`the answer is ${declared} bytes, over the limit`);
	}
	if (!response.body) return new Uint8Array(0);
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > MAX_RESPONSE_BYTES) {
			await reader.cancel().catch(() => {});
			return unavailable('the answer is over the size limit');
		}
		chunks.push(value);
	}
	const body = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		body.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return body;
}

async function post(url: string, body: Uint8Array, input: OcspCheckInput): Promise<Uint8Array | Unavailable> {
	const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	try {
		// The timeout also covers reading the body: the signal aborts the stream too.
		const response = await (input.fetch ?? fetch)(url, {
			method: 'POST',
			headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
			body: body.slice().buffer,
			signal: AbortSignal.timeout(timeoutMs)
		});
		if (response.status !== 200) {
			await response.body?.cancel().catch(() => {});
			return unavailable(`the responder answered HTTP ${response.status}`);
		}
		return await readCapped(response);
	} catch (error) {
		const name = (error as Error).name;
		if (name === 'TimeoutError' || name === 'AbortError') return unavailable(`no answer within ${timeoutMs} ms`);
		// undici reports every network failure as "fetch failed" and keeps the reason in `cause`.
		const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
		return unavailable(`the responder could not be reached: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
	}
}

/** Asks the responder whether the certificate is revoked, trusting only an answer signed for its issuer. */
export async function checkOcsp(input: OcspCheckInput): Promise<RevocationStatus> {
	// Our own certificates: unparsable DER here is a programmer error and is allowed to throw.
	const certificate = parseCertificateDer(input.certificateDer);
	const issuer = parseCertificateDer(input.issuerCertificateDer);
	const url = input.url ?? ocspUrlOf(certificate);
	if (!url) return unavailable('the certificate names no OCSP responder');

	const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
	const nonceExtnValue = new Uint8Array(new asn1js.OctetString({ valueHex: nonce.buffer }).toBER(false));
	const body = await post(url, await buildRequest(certificate, issuer, nonceExtnValue), input);
	if (!(body instanceof Uint8Array)) return body;

	try {
		const response = parseBasicResponse(body);
		await checkResponseSigner(response, issuer, input.now);
		checkNonce(response, nonceExtnValue, nonce);
		return await certificateStatus(response, certificate, issuer, input.now);
	} catch (error) {
		if (error instanceof UnusableResponse) return unavailable(error.message);
		// pkijs and asn1js throw plain errors on malformed structures inside the answer.
		return unavailable(`the answer could not be read: ${(error as Error).message}`);
	}
}
