import * as asn1js from 'asn1js';
import { ContentInfo, SignedData, type Certificate } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificates } from '../../signing/cms/certificate-info.ts';
import { exactBuffer, fromBase64, sha256, toBase64, toHex, toPem } from '../../signing/cms/encoding.ts';
import { signDetached } from '../../signing/cms/sign-cms.ts';
import { createTestCa, issueTestCertificate, type TestCa, type TestCertificateOptions, type TestCredentials } from './test-pki.ts';
import { verifyDetachedSignature, type VerifyDetachedInput, type VerifyResult } from './verify-cms.ts';
import { startFakeNcaNode } from './ncanode/fake-ncanode.ts';

const YEAR = 365 * 86_400_000;
const PERSON_IIN = '900101300123';
const OTHER_IIN = '850505400456';
const EMPLOYEE_IIN = '920202300789';
const BIN = '100140011059';

const document = new TextEncoder().encode('%PDF-1.7\nАкт оказанных услуг № 17\n%%EOF\n');
let documentSha256: string;
let rsaCa: TestCa;
let ecCa: TestCa;
let anchors: Certificate[];
let person: TestCredentials;
let ecPerson: TestCredentials;

function individual(overrides: Partial<TestCertificateOptions> = {}): TestCertificateOptions {
	return {
		iin: PERSON_IIN,
		surname: 'Сейткали',
		givenName: 'Айгерим',
		patronymic: 'Нурлановна',
		roles: ['individual'],
		purpose: 'signing',
		algorithm: 'rsa',
		...overrides
	};
}

function employee(roles: TestCertificateOptions['roles'], bin = BIN): TestCertificateOptions {
	return individual({ iin: EMPLOYEE_IIN, bin, organisation: 'ТОО «Дала Агро»', roles: ['organisation', ...roles] });
}

function verify(cms: string | Uint8Array, overrides: Partial<VerifyDetachedInput> = {}): Promise<VerifyResult> {
	return verifyDetachedSignature({
		cms,
		content: document,
		contentSha256: documentSha256,
		trustAnchors: anchors,
		expectedSigner: { iin: PERSON_IIN },
		now: new Date(),
		...overrides
	});
}

function sign(credentials: TestCredentials, extra: { signingTime?: Date; chain?: Uint8Array[]; content?: Uint8Array } = {}) {
	return signDetached({ content: document, certificate: credentials.certificatePem, privateKey: credentials.privateKey, ...extra });
}

async function codeOf(result: Promise<VerifyResult>) {
	const settled = await result;
	return settled.ok ? 'ok' : settled.code;
}

/** Re-encodes a CMS after changing its parsed SignedData, to build CMSes the signer never makes. */
function mutate(cms: string, change: (signedData: SignedData) => void): string {
	const contentInfo = ContentInfo.fromBER(exactBuffer(fromBase64(cms)!));
	const signedData = new SignedData({ schema: contentInfo.content });
	change(signedData);
	const out = new ContentInfo({ contentType: contentInfo.contentType, content: signedData.toSchema(true) });
	return toBase64(new Uint8Array(out.toSchema().toBER(false)));
}

beforeAll(async () => {
	documentSha256 = toHex(await sha256(document));
	// Valid long before now, so certificates that expired last year still chain at their signing time.
	rsaCa = await createTestCa({ algorithm: 'rsa', notBefore: new Date(Date.now() - 5 * YEAR) });
	ecCa = await createTestCa({ algorithm: 'ecdsa' });
	// Trust anchors arrive as PEM text in production.
	anchors = [...parseCertificates(rsaCa.certificatePem + ecCa.certificatePem)];
	person = await issueTestCertificate(rsaCa, individual());
	ecPerson = await issueTestCertificate(ecCa, individual({ algorithm: 'ecdsa' }));
});

describe('verifyDetachedSignature accepts', () => {
	it('an RSA-2048 signature and reports the signer', async () => {
		const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
		const result = await verify(await sign(person, { signingTime }));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.signer).toMatchObject({
			commonName: 'СЕЙТКАЛИ АЙГЕРИМ',
			iin: PERSON_IIN,
			bin: null,
			organisation: null,
			roles: ['individual'],
			algorithm: 'rsa',
			signingTime
		});
		expect(result.signer.subject).toBe(`CN=СЕЙТКАЛИ АЙГЕРИМ, SURNAME=СЕЙТКАЛИ, SERIALNUMBER=IIN${PERSON_IIN}, C=KZ, GIVENNAME=НУРЛАНОВНА`);
		expect(result.signer.issuer).toBe('CN=TEST NATIONAL CERTIFICATION AUTHORITY (RSA), C=KZ');
		expect(result.signer.serialNumber).toMatch(/^[0-9a-f]{40}$/);
		expect(result.certificateDer).toEqual(person.certificateDer);
		expect(result.issuerCertificateDer).toEqual(rsaCa.certificateDer);
		expect(result.validatedAt).toEqual(signingTime);
	});

	it('an ECDSA P-256 signature', async () => {
		const result = await verify(await sign(ecPerson));
		expect(result.ok && result.signer.algorithm).toBe('ecdsa');
	});

	it('PEM armour and raw DER as well as base64', async () => {
		const der = fromBase64(await sign(person))!;
		expect(await codeOf(verify(toPem('CMS', der)))).toBe('ok');
		expect(await codeOf(verify(der))).toBe('ok');
		expect(await codeOf(verify(await sign(person), { contentSha256: documentSha256.toUpperCase() }))).toBe('ok');
	});

	it('a head or a holder of the right to sign for their organisation', async () => {
		for (const role of ['head', 'right_to_sign'] as const) {
			const signer = await issueTestCertificate(rsaCa, employee([role]));
			const result = await verify(await sign(signer), { expectedSigner: { bin: BIN } });
			expect(result.ok && result.signer).toMatchObject({ bin: BIN, organisation: 'ТОО «Дала Агро»', iin: EMPLOYEE_IIN });
		}
	});

	it('a chain through an intermediate CA the CMS carries', async () => {
		const intermediate = await createTestCa({ algorithm: 'rsa', name: 'TEST NCA INTERMEDIATE', issuer: rsaCa });
		const signer = await issueTestCertificate(intermediate, individual());
		const result = await verify(await sign(signer, { chain: [intermediate.certificateDer] }));
		expect(result.ok && result.issuerCertificateDer).toEqual(intermediate.certificateDer);
		expect(await codeOf(verify(await sign(signer)))).toBe('untrusted_chain');
	});

	it("anyone's valid signature when no signer is expected (the public check), but not a changed document", async () => {
		const other = await issueTestCertificate(ecCa, individual({ iin: OTHER_IIN, algorithm: 'ecdsa' }));
		const result = await verify(await sign(other), { expectedSigner: null });
		expect(result.ok && result.signer.iin).toBe(OTHER_IIN);
		const changed = document.slice();
		changed.set([changed[0]! ^ 1], 0);
		expect(await codeOf(verify(await sign(other), { expectedSigner: null, content: changed }))).toBe('content_changed');
	});

	it('a signing time in the future by validating at now instead', async () => {
		const now = new Date();
		const result = await verify(await sign(person, { signingTime: new Date(now.getTime() + YEAR / 12) }), { now });
		expect(result.ok && result.validatedAt).toEqual(now);
	});
});

describe('verifyDetachedSignature refuses', () => {
	it('garbage', async () => {
		for (const input of ['', 'not base64!!', 'AAAA', toBase64(crypto.getRandomValues(new Uint8Array(300))), new Uint8Array([0x30, 0x03, 1, 2])]) {
			expect(await codeOf(verify(input))).toBe('malformed');
		}
		// Well-formed DER that is a certificate, not a CMS.
		expect(await codeOf(verify(person.certificateDer))).toBe('malformed');
		expect(await codeOf(verify(toPem('CERTIFICATE', fromBase64(await sign(person))!)))).toBe('malformed');
	});

	it('an attached CMS', async () => {
		const attached = mutate(await sign(person), (signedData) => {
			signedData.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: document.slice().buffer });
		});
		expect(await codeOf(verify(attached))).toBe('not_detached');
	});

	it('more than one signer', async () => {
		const twice = mutate(await sign(person), (signedData) => signedData.signerInfos.push(signedData.signerInfos[0]!));
		expect(await codeOf(verify(twice))).toBe('signer_count');
	});

	it('GOST signatures with their own code', async () => {
		const gost = mutate(await sign(person), (signedData) => {
			signedData.signerInfos[0]!.signatureAlgorithm.algorithmId = '1.2.398.3.10.1.1.2.3.2';
		});
		expect(await codeOf(verify(gost))).toBe('gost_unsupported');
	});

	it('GOST signatures through NCANode where it is configured, with the portal still deciding whose signature it is', async () => {
		const gost = mutate(await sign(person), (signedData) => {
			signedData.signerInfos[0]!.signatureAlgorithm.algorithmId = '1.2.398.3.10.1.1.2.3.2';
		});
		const ncaNode = await startFakeNcaNode({ signer: { iin: PERSON_IIN, bin: undefined, organization: undefined, keyUser: ['INDIVIDUAL'] } });
		const gostVerifier = { url: ncaNode.url, checkRevocation: true, timeoutMs: 500 };
		try {
			const result = await verify(gost, { gost: gostVerifier });
			expect(result).toMatchObject({ ok: true, signer: { iin: PERSON_IIN, algorithm: 'gost', roles: ['individual'] }, certificateDer: null });
			expect(ncaNode.received).toHaveLength(1);
			expect(await codeOf(verify(gost, { gost: gostVerifier, expectedSigner: { iin: OTHER_IIN } }))).toBe('wrong_owner');
			expect(await codeOf(verify(gost, { gost: gostVerifier, content: new TextEncoder().encode('another document') }))).toBe('content_changed');
			ncaNode.setAnswer('revoked');
			expect(await codeOf(verify(gost, { gost: gostVerifier }))).toBe('revoked');
			ncaNode.setAnswer('invalid');
			expect(await codeOf(verify(gost, { gost: gostVerifier }))).toBe('bad_signature');
			ncaNode.setAnswer('hang');
			expect(await codeOf(verify(gost, { gost: gostVerifier }))).toBe('verifier_unavailable');
		} finally {
			await ncaNode.close();
		}
	});

	it('a tampered signed attribute', async () => {
		const der = fromBase64(await sign(person))!;
		const digest = await sha256(document);
		const at = toHex(der).indexOf(toHex(digest)) / 2;
		expect(at).toBeGreaterThan(0);
		der[at + 5]! ^= 0x01;
		expect(await codeOf(verify(der))).toBe('bad_signature');
	});

	it('a signature made with a key other than the certificate', async () => {
		const cms = await signDetached({ content: document, certificate: person.certificatePem, privateKey: rsaCa.privateKey });
		expect(await codeOf(verify(cms))).toBe('bad_signature');
	});

	it('a changed document and a wrong stored hash', async () => {
		const cms = await sign(person);
		const changed = document.slice();
		changed[10]! ^= 0x01;
		expect(await codeOf(verify(cms, { content: changed, contentSha256: toHex(await sha256(changed)) }))).toBe('content_changed');
		expect(await codeOf(verify(cms, { content: changed }))).toBe('content_changed');
		expect(await codeOf(verify(cms, { contentSha256: '00'.repeat(32) }))).toBe('content_changed');
	});

	it('a certificate from an untrusted root, even one named like a trusted root', async () => {
		const stranger = await createTestCa({ algorithm: 'rsa', name: 'SOMEONE ELSE' });
		const impostor = await createTestCa({ algorithm: 'ecdsa', name: 'TEST NATIONAL CERTIFICATION AUTHORITY (RSA)' });
		for (const ca of [stranger, impostor]) {
			const signer = await issueTestCertificate(ca, individual({ algorithm: 'ecdsa' }));
			expect(await codeOf(verify(await sign(signer, { chain: [ca.certificateDer] })))).toBe('untrusted_chain');
		}
	});

	it('a certificate issued by an end-entity certificate, which is not a CA', async () => {
		const notCa = await issueTestCertificate(ecCa, individual({ iin: OTHER_IIN, algorithm: 'ecdsa' }));
		const signer = await issueTestCertificate(notCa, individual({ algorithm: 'ecdsa' }));
		expect(await codeOf(verify(await sign(signer, { chain: [notCa.certificateDer] })))).toBe('untrusted_chain');
	});

	it('a certificate not valid at the signing time or now', async () => {
		const notBefore = new Date(Date.now() - 2 * YEAR);
		const expired = await issueTestCertificate(rsaCa, individual({ notBefore, notAfter: new Date(Date.now() - YEAR) }));
		const whileValid = new Date(Date.now() - 1.5 * YEAR);
		expect(await codeOf(verify(await sign(expired, { signingTime: whileValid })))).toBe('expired');
		expect(await codeOf(verify(await sign(expired)))).toBe('expired');
		// Valid now, but the CMS claims it was signed before the certificate existed.
		expect(await codeOf(verify(await sign(person, { signingTime: new Date(Date.now() - YEAR) })))).toBe('expired');
	});

	it('an authentication key', async () => {
		const auth = await issueTestCertificate(ecCa, individual({ purpose: 'authentication', algorithm: 'ecdsa' }));
		expect(await codeOf(verify(await sign(auth)))).toBe('not_signing_key');
	});

	it('a signature by another person', async () => {
		const other = await issueTestCertificate(ecCa, individual({ iin: OTHER_IIN, algorithm: 'ecdsa' }));
		expect(await codeOf(verify(await sign(other)))).toBe('wrong_owner');
	});

	it('an employee without the right to sign, and another organisation', async () => {
		const accountant = await issueTestCertificate(ecCa, { ...employee(['financial', 'employee']), algorithm: 'ecdsa' });
		expect(await codeOf(verify(await sign(accountant), { expectedSigner: { bin: BIN } }))).toBe('wrong_role');
		const head = await issueTestCertificate(ecCa, { ...employee(['head'], '990340000111'), algorithm: 'ecdsa' });
		expect(await codeOf(verify(await sign(head), { expectedSigner: { bin: BIN } }))).toBe('wrong_owner');
	});

	it('to run with a malformed expectation, which is a programming error', async () => {
		await expect(verify(await sign(person), { expectedSigner: { iin: '123' } })).rejects.toThrow(TypeError);
	});
});
