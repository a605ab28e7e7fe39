import { beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate, extendedKeyUsage, isCaCertificate, keyUsage, parseCertificates } from '../../signing/cms/certificate-info.ts';
import { webCrypto } from '../../signing/cms/crypto-engine.ts';
import { OID, SIGNER_ROLES } from '../../signing/cms/oids.ts';
import { createTestCa, issueTestCertificate, type TestCa, type TestCertificateOptions } from './test-pki.ts';

const headOfCompany: TestCertificateOptions = {
	iin: '870303350111',
	bin: '100140011059',
	organisation: 'ТОО «Дала Агро»',
	surname: 'Омаров',
	givenName: 'Данияр',
	patronymic: 'Серикович',
	roles: ['organisation', 'head'],
	purpose: 'signing',
	algorithm: 'ecdsa'
};

let ca: TestCa;

beforeAll(async () => {
	ca = await createTestCa({ algorithm: 'ecdsa', name: 'DEMO NCA' });
});

describe('test PKI', () => {
	it('makes a self-signed CA that may issue certificates', async () => {
		expect(isCaCertificate(ca.certificate)).toBe(true);
		expect(keyUsage(ca.certificate)?.keyCertSign).toBe(true);
		expect(await ca.certificate.verify(undefined, webCrypto)).toBe(true);
		expect(describeCertificate(ca.certificateDer).subject).toBe('CN=DEMO NCA, C=KZ');
		expect(ca.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
	});

	it('issues a signing certificate shaped like the national PKI', async () => {
		const issued = await issueTestCertificate(ca, headOfCompany);
		const [parsed] = parseCertificates(issued.certificatePem);
		expect(await parsed!.verify(ca.certificate, webCrypto)).toBe(true);
		expect(describeCertificate(parsed!)).toMatchObject({
			subject:
				'CN=ОМАРОВ ДАНИЯР, SURNAME=ОМАРОВ, SERIALNUMBER=IIN870303350111, C=KZ, O=ТОО «Дала Агро», OU=BIN100140011059, GIVENNAME=СЕРИКОВИЧ',
			commonName: 'ОМАРОВ ДАНИЯР',
			iin: '870303350111',
			bin: '100140011059',
			organisation: 'ТОО «Дала Агро»',
			issuer: 'CN=DEMO NCA, C=KZ',
			roles: ['organisation', 'head']
		});
		expect(keyUsage(parsed!)).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyEncipherment: false });
		expect(extendedKeyUsage(parsed!)).toEqual([OID.emailProtection, SIGNER_ROLES.organisation, SIGNER_ROLES.head]);
		expect(isCaCertificate(parsed!)).toBe(false);
	});

	it('issues an authentication certificate with its own key usage', async () => {
		const issued = await issueTestCertificate(ca, { ...headOfCompany, purpose: 'authentication' });
		expect(keyUsage(issued.certificate)).toMatchObject({ digitalSignature: true, nonRepudiation: false, keyEncipherment: true });
		expect(extendedKeyUsage(issued.certificate)?.[0]).toBe(OID.clientAuth);
	});

	it('keeps the requested validity and refuses a malformed IIN', async () => {
		const notBefore = new Date('2024-01-01T00:00:00Z');
		const notAfter = new Date('2025-01-01T00:00:00Z');
		const issued = await issueTestCertificate(ca, { ...headOfCompany, notBefore, notAfter });
		expect(describeCertificate(issued.certificate)).toMatchObject({ notBefore, notAfter });
		await expect(issueTestCertificate(ca, { ...headOfCompany, iin: '12345' })).rejects.toThrow(TypeError);
	});
});
