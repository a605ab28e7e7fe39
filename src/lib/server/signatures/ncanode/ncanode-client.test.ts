import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../signing/cms/encoding.ts';
import { startFakeNcaNode, type FakeNcaNode } from './fake-ncanode.ts';
import { MAX_ANSWER_BYTES, verifyWithNcaNode, type NcaNodeVerifyInput } from './ncanode-client.ts';

const DAY = 86_400_000;
// Not a real CMS: NCANode is faked, so only the bytes travelling intact matter.
const cms = new Uint8Array([0x30, 0x82, 0x01, 0x00, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0xff]);
const content = new TextEncoder().encode('%PDF-1.7\nАкт № 17\n%%EOF\n');

let fake: FakeNcaNode;

beforeAll(async () => {
	fake = await startFakeNcaNode();
});

afterAll(async () => {
	await fake.close();
});

function input(overrides: Partial<NcaNodeVerifyInput> = {}): NcaNodeVerifyInput {
	return { url: fake.url, cms, content, checkRevocation: true, timeoutMs: 2_000, ...overrides };
}

/** A fetch that answers with a fixed JSON body, for shapes the fake does not produce. */
function answering(body: unknown, seen: string[] = []): typeof fetch {
	return (async (url: string | URL | Request) => {
		seen.push(String(url));
		return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
	}) as typeof fetch;
}

function certificate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		valid: true,
		revocations: [{ revoked: false, by: 'OCSP', reason: 'OK' }],
		notBefore: new Date(Date.now() - DAY).toISOString(),
		notAfter: new Date(Date.now() + DAY).toISOString(),
		keyUsage: 'SIGN',
		serialNumber: 'abc',
		keyUser: ['INDIVIDUAL'],
		subject: { commonName: 'ТЕСТОВ ТЕСТ', iin: '900101300123', dn: 'CN=ТЕСТОВ ТЕСТ' },
		issuer: { commonName: 'НУЦ', dn: 'CN=НУЦ' },
		...overrides
	};
}

describe('the request', () => {
	it('posts Base64 CMS and data to /cms/verify with OCSP asked for', async () => {
		fake.received.length = 0;
		fake.setAnswer('valid');
		await verifyWithNcaNode(input());
		expect(fake.received).toHaveLength(1);
		const body = fake.received[0] as { cms: string; data: string; revocationCheck: string[] };
		expect(Object.keys(body).sort()).toEqual(['cms', 'data', 'revocationCheck']);
		expect(fromBase64(body.cms)).toEqual(cms);
		expect(fromBase64(body.data)).toEqual(content);
		expect(body.revocationCheck).toEqual(['OCSP']);
	});

	it('asks for no revocation check when told not to', async () => {
		fake.received.length = 0;
		fake.setAnswer('valid');
		const verdict = await verifyWithNcaNode(input({ checkRevocation: false }));
		expect((fake.received[0] as { revocationCheck: string[] }).revocationCheck).toEqual([]);
		expect(verdict.ok).toBe(true);
	});

	it('keeps a path prefix and ignores a trailing slash in the base URL', async () => {
		const seen: string[] = [];
		await verifyWithNcaNode(input({ url: 'http://ncanode.internal:14579/eds/', fetch: answering({ valid: true, signers: [] }, seen) }));
		expect(seen).toEqual(['http://ncanode.internal:14579/eds/cms/verify']);
	});
});

describe('a valid signature', () => {
	it('maps the signer: IIN, BIN, roles, dates, serial and time-stamp', async () => {
		const notBefore = new Date(Date.now() - 30 * DAY);
		const notAfter = new Date(Date.now() + 300 * DAY);
		const tspGenTime = new Date(Date.now() - 5_000);
		fake.setAnswer('valid', { serialNumber: '00AB12cd', notBefore, notAfter, tspGenTime, keyUser: ['ORGANIZATION', 'CEO', 'CAN_SIGN', 'IDENTIFICATION'] });
		const verdict = await verifyWithNcaNode(input());
		expect(verdict).toEqual({
			ok: true,
			signer: {
				commonName: 'ЖУМАБЕКОВ АСХАТ',
				iin: '880315300214',
				bin: '100140011059',
				organisation: 'ТОО «Дала Агро»',
				serialNumber: 'ab12cd',
				issuer: 'CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) 2022, C=KZ',
				subject: expect.stringContaining('SERIALNUMBER=IIN880315300214'),
				notBefore,
				notAfter,
				signingTime: tspGenTime,
				isSigningKey: true,
				roles: ['organisation', 'head', 'right_to_sign', 'IDENTIFICATION']
			}
		});
	});

	it('reports an authentication key and a CMS without time-stamp as such', async () => {
		fake.setAnswer('valid', { keyUsage: 'AUTH', bin: null, organization: null, keyUser: ['INDIVIDUAL'], tspGenTime: null });
		const verdict = await verifyWithNcaNode(input());
		if (!verdict.ok) throw new Error(verdict.detail);
		expect(verdict.signer).toMatchObject({ isSigningKey: false, bin: null, organisation: null, roles: ['individual'], signingTime: null });
	});
});

describe('refusals', () => {
	it('a signature that does not match is invalid', async () => {
		fake.setAnswer('invalid');
		expect(await verifyWithNcaNode(input())).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it('a revoked certificate is revoked', async () => {
		fake.setAnswer('revoked');
		expect(await verifyWithNcaNode(input())).toMatchObject({ ok: false, reason: 'revoked' });
	});

	it('an expired certificate is expired', async () => {
		fake.setAnswer('valid', { notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY) });
		expect(await verifyWithNcaNode(input())).toMatchObject({ ok: false, reason: 'expired' });
	});

	it('more than one signer is invalid', async () => {
		const signer = { certificates: [certificate()], tsp: null };
		expect(await verifyWithNcaNode(input({ fetch: answering({ valid: true, signers: [signer, signer] }) }))).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it('an issuer NCANode does not know is an untrusted chain', async () => {
		const unknownIssuer = certificate({ valid: false, revocations: [{ revoked: false, by: 'OCSP', reason: 'Cannot find root certificate in NCANode.' }] });
		const answer = { valid: false, signers: [{ certificates: [unknownIssuer], tsp: null }] };
		expect(await verifyWithNcaNode(input({ fetch: answering(answer) }))).toMatchObject({ ok: false, reason: 'untrusted_chain' });
	});

	it('no OCSP status when one was asked for is unavailable, not a success', async () => {
		const answer = { valid: true, signers: [{ certificates: [certificate({ revocations: [] })], tsp: null }] };
		expect(await verifyWithNcaNode(input({ fetch: answering(answer) }))).toMatchObject({ ok: false, reason: 'unavailable' });
	});
});

describe('an unavailable NCANode', () => {
	it('HTTP 500 is unavailable and quotes the message', async () => {
		fake.setAnswer('error500');
		expect(await verifyWithNcaNode(input())).toEqual({ ok: false, reason: 'unavailable', detail: 'HTTP 500: Connection refused' });
	});

	it('a body that is not the API is unavailable', async () => {
		fake.setAnswer('garbage');
		expect(await verifyWithNcaNode(input())).toMatchObject({ ok: false, reason: 'unavailable' });
		expect(await verifyWithNcaNode(input({ fetch: answering({ valid: 'yes', signers: [] }) }))).toMatchObject({ ok: false, reason: 'unavailable' });
		expect(await verifyWithNcaNode(input({ fetch: answering({ valid: true, signers: [{ certificates: [certificate({ serialNumber: '-1f' })] }] }) }))).toMatchObject({
			ok: false,
			reason: 'unavailable'
		});
	});

	it('an answer over 1 MiB is unavailable', async () => {
		const huge = JSON.stringify({ valid: true, signers: [], padding: 'x'.repeat(MAX_ANSWER_BYTES) });
		expect(await verifyWithNcaNode(input({ fetch: answering(huge) }))).toMatchObject({ ok: false, reason: 'unavailable', detail: 'answer is larger than 1 MiB' });
	});

	it('a server that hangs is unavailable once the timeout passes', async () => {
		fake.setAnswer('hang');
		const started = Date.now();
		const verdict = await verifyWithNcaNode(input({ timeoutMs: 300 }));
		expect(verdict).toEqual({ ok: false, reason: 'unavailable', detail: 'NCANode did not answer in time' });
		expect(Date.now() - started).toBeLessThan(1_500);
	});

	it('a closed port is unavailable', async () => {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		await new Promise((resolve) => server.close(resolve));
		expect(await verifyWithNcaNode(input({ url: `http://127.0.0.1:${port}` }))).toMatchObject({ ok: false, reason: 'unavailable' });
	});
});
