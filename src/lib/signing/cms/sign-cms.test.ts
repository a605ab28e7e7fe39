import { readFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { webCrypto } from './crypto-engine.ts';
import { exactBuffer, fromBase64, sha256 } from './encoding.ts';
import { OID } from './oids.ts';
import { signDetached } from './sign-cms.ts';
import { createTestCa, issueTestCertificate, type TestCa, type TestCredentials } from '../../server/signatures/test-pki.ts';

const content = new TextEncoder().encode('Договор № 5 от 1 марта');
let ca: TestCa;
let intermediate: TestCa;
let user: TestCredentials;

function parse(cms: string): SignedData {
	return new SignedData({ schema: ContentInfo.fromBER(exactBuffer(fromBase64(cms)!)).content });
}

beforeAll(async () => {
	ca = await createTestCa({ algorithm: 'ecdsa' });
	intermediate = await createTestCa({ algorithm: 'ecdsa', name: 'DEMO INTERMEDIATE', issuer: ca });
	user = await issueTestCertificate(intermediate, {
		iin: '900101300123',
		surname: 'Ким',
		givenName: 'Ольга',
		roles: ['individual'],
		purpose: 'signing',
		algorithm: 'ecdsa'
	});
});

describe('signDetached', () => {
	it('makes a detached CMS with the attributes NCALayer adds, which pkijs itself accepts', async () => {
		const signingTime = new Date('2026-03-01T09:30:00Z');
		const cms = await signDetached({ content, certificate: user.certificateDer, privateKey: user.privateKey, signingTime, chain: [intermediate.certificatePem] });
		const signedData = parse(cms);
		expect(signedData.encapContentInfo.eContent).toBeUndefined();
		expect(signedData.certificates).toHaveLength(2);
		const [signerInfo] = signedData.signerInfos;
		const attributes = signerInfo!.signedAttrs!.attributes;
		// DER order of the SET OF: shortest encodings first.
		expect(attributes.map((attribute) => attribute.type)).toEqual([OID.contentType, OID.signingTime, OID.messageDigest]);
		expect((attributes[1]!.values[0] as asn1js.UTCTime).toDate()).toEqual(signingTime);
		expect(new Uint8Array((attributes[2]!.values[0] as asn1js.OctetString).valueBlock.valueHexView)).toEqual(await sha256(content));
		expect(await signedData.verify({ signer: 0, data: content.slice().buffer }, webCrypto)).toBe(true);
	});

	it('depends on nothing Node-only, so it can run in the browser as a test signer', () => {
		for (const file of ['sign-cms.ts', 'certificate-info.ts', 'encoding.ts', 'oids.ts', 'crypto-engine.ts']) {
			const source = readFileSync(new URL(file, import.meta.url), 'utf8');
			expect(source, file).not.toMatch(/from 'node:|\bBuffer\b|\bprocess\.[a-z]/);
		}
	});
});
