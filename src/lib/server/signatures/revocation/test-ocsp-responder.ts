import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import { BasicOCSPResponse, CertID, OCSPRequest, OCSPResponse, ResponseBytes, SingleResponse, type Certificate } from 'pkijs';
import { webCrypto } from '../../../signing/cms/crypto-engine.ts';
import { bytesEqual, exactBuffer, toHex } from '../../../signing/cms/encoding.ts';
import { createTestCa, type TestCa } from '../test-pki.ts';
import { OCSP_OID, OCSP_RESPONSE_STATUS } from './ocsp-oids.ts';
import { issueResponderCertificate, type ResponderCredentials } from './test-ocsp-certificates.ts';

// A local OCSP responder for tests and benchmarks. It answers as a real one does (DER over HTTP POST,
// signed, nonce echoed), and each mode reproduces one way a real responder fails.

export type TestOcspMode = 'normal' | 'unauthorised' | 'garbage' | 'hang' | 'wrong-signer' | 'stale';

export interface TestOcspResponder {
	url: string;
	revoke(serialHex: string, at?: Date): void;
	setMode(mode: TestOcspMode): void;
	requests: number;
	close(): Promise<void>;
}

interface Signer extends ResponderCredentials {
	/** Whether the certificate goes into `certs`: a delegated responder must show its own. */
	include: boolean;
	byKey: boolean;
}

const HOUR = 3_600_000;
const MAX_REQUEST_BYTES = 64 * 1024;

/** Serials compare as numbers: without leading zeros, in lower case. */
function normaliseSerial(hex: string): string {
	return hex.toLowerCase().replace(/^(00)+(?=.)/, '');
}

/** DER keeps whole seconds only when the fraction is zero; real responders never send fractions. */
function wholeSeconds(time: number): Date {
	return new Date(Math.floor(time / 1000) * 1000);
}

function encode(response: OCSPResponse): Uint8Array {
	return new Uint8Array(response.toSchema().toBER(false));
}

function refusal(status: number): Uint8Array {
	return encode(new OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: status }) }));
}

async function readBody(request: IncomingMessage): Promise<Uint8Array | null> {
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of request as AsyncIterable<Buffer>) {
		total += chunk.length;
		if (total > MAX_REQUEST_BYTES) return null;
		chunks.push(chunk);
	}
	return new Uint8Array(Buffer.concat(chunks));
}

async function issuerMatches(certID: CertID, ca: Certificate): Promise<boolean> {
	const hash = webCrypto.getAlgorithmByOID(certID.hashAlgorithm.algorithmId, false);
	if (!('name' in hash)) return false;
	// CertID.create hashes the issuer's name and key; the "certificate" only lends its serial.
	const own = await CertID.create(ca, { hashAlgorithm: hash.name, issuerCertificate: ca }, webCrypto);
	const same = (a: asn1js.OctetString, b: asn1js.OctetString) => bytesEqual(a.valueBlock.valueHexView, b.valueBlock.valueHexView);
	return same(own.issuerNameHash, certID.issuerNameHash) && same(own.issuerKeyHash, certID.issuerKeyHash);
}

export async function startTestOcspResponder(ca: TestCa, options: { delegated?: boolean } = {}): Promise<TestOcspResponder> {
	const revoked = new Map<string, Date>();
	let mode: TestOcspMode = 'normal';
	const signer: Signer = options.delegated
		? { ...(await issueResponderCertificate(ca)), include: true, byKey: false }
		: { certificate: ca.certificate, privateKey: ca.privateKey, include: false, byKey: true };
	// Made in the background from the start: generating an RSA key can take longer than a short
	// client timeout, which would turn a 'wrong-signer' test into a timeout test.
	const stranger: Promise<Signer> = createTestCa({ algorithm: ca.algorithm, name: 'UNRELATED OCSP SIGNER' }).then((other) => ({
		certificate: other.certificate,
		privateKey: other.privateKey,
		include: true,
		byKey: false
	}));
	stranger.catch(() => {});

	async function certStatus(certID: CertID): Promise<asn1js.BaseBlock> {
		if (!(await issuerMatches(certID, ca.certificate))) return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } });
		const at = revoked.get(normaliseSerial(toHex(certID.serialNumber.valueBlock.valueHexView)));
		if (!at) return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
		return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: wholeSeconds(at.getTime()) })] });
	}

	async function answer(request: OCSPRequest): Promise<Uint8Array> {
		const by = mode === 'wrong-signer' ? await stranger : signer;
		const now = mode === 'stale' ? Date.now() - 48 * HOUR : Date.now();
		const basic = new BasicOCSPResponse();
		const data = basic.tbsResponseData;
		data.responderID = by.byKey
			? new asn1js.OctetString({ valueHex: await globalThis.crypto.subtle.digest('SHA-1', exactBuffer(by.certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)) })
			: by.certificate.subject;
		data.producedAt = wholeSeconds(now);
		for (const { reqCert } of request.tbsRequest.requestList) {
			data.responses.push(new SingleResponse({ certID: reqCert, certStatus: await certStatus(reqCert), thisUpdate: wholeSeconds(now), nextUpdate: wholeSeconds(now + HOUR) }));
		}
		const nonce = request.tbsRequest.requestExtensions?.find((extension) => extension.extnID === OCSP_OID.nonce);
		if (nonce) data.responseExtensions = [nonce];
		if (by.include) basic.certs = [by.certificate];
		await basic.sign(by.privateKey, 'SHA-256', webCrypto);
		const response = new ResponseBytes({ responseType: OCSP_OID.basicResponse, response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }) });
		return encode(new OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: OCSP_RESPONSE_STATUS.successful }), responseBytes: response }));
	}

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		responder.requests++;
		if (mode === 'hang') return;
		const reply = (status: number, body: Uint8Array): void => {
			response.writeHead(status, { 'content-type': 'application/ocsp-response', 'content-length': body.length }).end(body);
		};
		if (request.method !== 'POST') return void response.writeHead(405).end();
		const body = await readBody(request);
		if (mode === 'garbage') return reply(200, globalThis.crypto.getRandomValues(new Uint8Array(512)));
		if (mode === 'unauthorised') return reply(200, refusal(OCSP_RESPONSE_STATUS.unauthorized));
		let parsed: OCSPRequest;
		try {
			if (!body) throw new Error('request too large');
			parsed = OCSPRequest.fromBER(exactBuffer(body));
		} catch {
			return reply(200, refusal(OCSP_RESPONSE_STATUS.malformedRequest));
		}
		reply(200, await answer(parsed));
	}

	const server = createServer((request, response) => {
		handle(request, response).catch(() => {
			if (!response.headersSent) response.writeHead(200, { 'content-type': 'application/ocsp-response' });
			response.end(refusal(OCSP_RESPONSE_STATUS.internalError));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	const responder: TestOcspResponder = {
		url: `http://127.0.0.1:${port}/`,
		revoke(serialHex, at = new Date()) {
			revoked.set(normaliseSerial(serialHex), at);
		},
		setMode(next) {
			mode = next;
		},
		requests: 0,
		close() {
			// Hanging requests would otherwise keep close() waiting for ever.
			server.closeAllConnections();
			return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
		}
	};
	return responder;
}
