import { createServer } from 'node:net';
import * as asn1js from 'asn1js';
import { AccessDescription, AttributeTypeAndValue, Extension, GeneralName, InfoAccess, OCSPRequest, RelativeDistinguishedNames } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateDer, parseCertificateDer, serialNumberHex } from '../../../signing/cms/certificate-info.ts';
import { webCrypto } from '../../../signing/cms/crypto-engine.ts';
import { exactBuffer } from '../../../signing/cms/encoding.ts';
import { DN_OID } from '../../../signing/cms/oids.ts';
import { createTestCa, issueTestCertificate, type KeyAlgorithm, type TestCa, type TestCertificateOptions, type TestCredentials } from '../test-pki.ts';
import { checkOcsp, ocspUrlOf } from './ocsp.ts';
import { OCSP_OID } from './ocsp-oids.ts';
import { startTestOcspResponder, type TestOcspResponder } from './test-ocsp-responder.ts';

const signer = (algorithm: KeyAlgorithm): TestCertificateOptions => ({
	iin: '870303350111',
	surname: 'Омаров',
	givenName: 'Данияр',
	roles: ['individual'],
	purpose: 'signing',
	algorithm
});

const servers: { close(): Promise<void> }[] = [];

afterAll(async () => {
	await Promise.all(servers.map((server) => server.close()));
});

async function responderFor(ca: TestCa, options?: { delegated?: boolean }): Promise<TestOcspResponder> {
	const responder = await startTestOcspResponder(ca, options);
	servers.push(responder);
	return responder;
}

/** The same CA key under another name: its answers verify, but its CertID is not the responder's. */
async function renamed(ca: TestCa): Promise<Uint8Array> {
	const copy = parseCertificateDer(ca.certificateDer);
	const cn = new AttributeTypeAndValue({ type: DN_OID.commonName, value: new asn1js.Utf8String({ value: 'RENAMED CA' }) });
	copy.subject = new RelativeDistinguishedNames({ typesAndValues: [cn] });
	copy.issuer = copy.subject;
	await copy.sign(ca.privateKey, 'SHA-256', webCrypto);
	return certificateDer(copy);
}

/** A certificate naming `urls` in its AIA extension; only read, so it needs no valid signature. */
function withAia(user: TestCredentials, urls: [method: string, url: string][]): Uint8Array {
	const copy = parseCertificateDer(user.certificateDer);
	const aia = new InfoAccess({
		accessDescriptions: urls.map(([accessMethod, value]) => new AccessDescription({ accessMethod, accessLocation: new GeneralName({ type: 6, value }) }))
	});
	copy.extensions = [...(copy.extensions ?? []), new Extension({ extnID: OCSP_OID.authorityInfoAccess, extnValue: aia.toSchema().toBER(false) })];
	return new Uint8Array(copy.toSchema(true).toBER(false));
}

/** A fetch that rewrites the request's nonce before it reaches the responder. */
function nonceRewriting(nonce: Uint8Array | null): typeof fetch {
	return async (url, init) => {
		const request = OCSPRequest.fromBER(exactBuffer(new Uint8Array(init!.body as ArrayBuffer)));
		request.tbsRequest.requestExtensions = nonce
			? [new Extension({ extnID: OCSP_OID.nonce, extnValue: new asn1js.OctetString({ valueHex: nonce.slice().buffer }).toBER(false) })]
			: undefined;
		return fetch(url, { ...init, body: request.toSchema(true).toBER(false) });
	};
}

async function closedPortUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}/`;
}

describe.each(['rsa', 'ecdsa'] as const)('checkOcsp with a %s CA', (algorithm) => {
	let ca: TestCa;
	let otherCa: TestCa;
	let user: TestCredentials;
	let responder: TestOcspResponder;
	const now = () => new Date();
	const check = (url: string, overrides: { certificateDer?: Uint8Array; issuerCertificateDer?: Uint8Array; timeoutMs?: number } = {}) =>
		checkOcsp({ certificateDer: user.certificateDer, issuerCertificateDer: ca.certificateDer, url, now: now(), ...overrides });

	beforeAll(async () => {
		[ca, otherCa] = await Promise.all([createTestCa({ algorithm }), createTestCa({ algorithm, name: 'ANOTHER CA' })]);
		user = await issueTestCertificate(ca, signer(algorithm));
		responder = await responderFor(ca);
	});

	it('reports a good certificate', async () => {
		const before = responder.requests;
		expect(await check(responder.url)).toEqual({ status: 'good' });
		expect(responder.requests).toBe(before + 1);
	});

	it('reports a revoked certificate with its revocation time', async () => {
		const revokedUser = await issueTestCertificate(ca, signer(algorithm));
		const at = new Date('2025-03-01T10:20:30Z');
		responder.revoke(serialNumberHex(revokedUser.certificate).toUpperCase(), at);
		expect(await check(responder.url, { certificateDer: revokedUser.certificateDer })).toEqual({ status: 'revoked', revokedAt: at });
		expect(await check(responder.url)).toEqual({ status: 'good' });
	});

	it('reports unknown when the responder does not serve the issuer named in the request', async () => {
		const stranger = await issueTestCertificate(otherCa, signer(algorithm));
		expect(await check(responder.url, { certificateDer: stranger.certificateDer, issuerCertificateDer: await renamed(ca) })).toEqual({ status: 'unknown' });
	});

	it('does not take another CA\'s answer for the certificate\'s own issuer', async () => {
		const stranger = await issueTestCertificate(otherCa, signer(algorithm));
		const result = await check(responder.url, { certificateDer: stranger.certificateDer, issuerCertificateDer: otherCa.certificateDer });
		expect(result).toMatchObject({ status: 'unavailable', detail: expect.stringContaining('not signed') });
	});

	it('accepts a delegated responder certified by the issuer', async () => {
		const delegated = await responderFor(ca, { delegated: true });
		expect(await check(delegated.url)).toEqual({ status: 'good' });
		const elsewhere = await responderFor(otherCa, { delegated: true });
		expect(await check(elsewhere.url)).toMatchObject({ status: 'unavailable' });
	});

	it.each([
		['wrong-signer', /not signed/],
		['unauthorised', /unauthorized/],
		['garbage', /not a DER|could not be read/],
		['stale', /expired/]
	] as const)('treats a %s answer as unavailable', async (mode, detail) => {
		const failing = await responderFor(ca);
		failing.setMode(mode);
		expect(await check(failing.url, { timeoutMs: 2000 })).toMatchObject({ status: 'unavailable', detail: expect.stringMatching(detail) });
	});

	it('gives up on a responder that never answers', async () => {
		const hanging = await responderFor(ca);
		hanging.setMode('hang');
		// The detail shows the timeout fired; a hang would end at the test's own limit instead.
		expect(await check(hanging.url, { timeoutMs: 300 })).toMatchObject({ status: 'unavailable', detail: expect.stringContaining('300 ms') });
	});

	it('treats a responder nobody listens on as unavailable', async () => {
		expect(await check(await closedPortUrl())).toMatchObject({ status: 'unavailable', detail: expect.stringContaining('ECONNREFUSED') });
	});
});

describe('checkOcsp details', () => {
	let ca: TestCa;
	let user: TestCredentials;
	let responder: TestOcspResponder;

	beforeAll(async () => {
		ca = await createTestCa({ algorithm: 'ecdsa' });
		user = await issueTestCertificate(ca, signer('ecdsa'));
		responder = await responderFor(ca);
	});

	it('refuses an answer carrying another nonce and accepts one carrying none', async () => {
		const input = { certificateDer: user.certificateDer, issuerCertificateDer: ca.certificateDer, url: responder.url, now: new Date() };
		const other = globalThis.crypto.getRandomValues(new Uint8Array(16));
		expect(await checkOcsp({ ...input, fetch: nonceRewriting(other) })).toMatchObject({ status: 'unavailable', detail: expect.stringContaining('nonce') });
		expect(await checkOcsp({ ...input, fetch: nonceRewriting(null) })).toEqual({ status: 'good' });
	});

	it('refuses an answer from the future and one checked long after it expired', async () => {
		const input = { certificateDer: user.certificateDer, issuerCertificateDer: ca.certificateDer, url: responder.url };
		expect(await checkOcsp({ ...input, now: new Date(Date.now() - 3_600_000) })).toMatchObject({ detail: expect.stringContaining('in the future') });
		expect(await checkOcsp({ ...input, now: new Date(Date.now() + 2 * 3_600_000) })).toMatchObject({ detail: expect.stringContaining('expired') });
	});

	it('reads the responder from the AIA extension, http(s) only', async () => {
		expect(ocspUrlOf(user.certificate)).toBeNull();
		expect(ocspUrlOf(ca.certificate)).toBeNull();
		const named = withAia(user, [
			['1.3.6.1.5.5.7.48.2', 'http://pki.example/ca.cer'],
			[OCSP_OID.accessMethodOcsp, 'ldap://pki.example/ocsp'],
			[OCSP_OID.accessMethodOcsp, responder.url]
		]);
		expect(ocspUrlOf(parseCertificateDer(named))).toBe(responder.url);
		expect(await checkOcsp({ certificateDer: named, issuerCertificateDer: ca.certificateDer, now: new Date() })).toEqual({ status: 'good' });
		expect(await checkOcsp({ certificateDer: user.certificateDer, issuerCertificateDer: ca.certificateDer, now: new Date() })).toMatchObject({ status: 'unavailable' });
	});
});
