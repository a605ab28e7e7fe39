import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../../signing/cms/certificate-info.ts';
import { fromBase64, fromPem, toBase64, toPem } from '../../signing/cms/encoding.ts';
import { createTestCa, type TestCa } from './test-pki.ts';
import { loadTrustAnchors } from './trust-anchors.ts';

let dir: string;
let roots: TestCa[];

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'trust-anchors-'));
	roots = await Promise.all(['ROOT A', 'ROOT B', 'ROOT C'].map((name) => createTestCa({ algorithm: 'ecdsa', name })));
});

afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('loadTrustAnchors', () => {
	it('reads PEM bundles and DER files, ignoring other files', async () => {
		await writeFile(join(dir, 'bundle.pem'), roots[0]!.certificatePem + roots[1]!.certificatePem);
		await writeFile(join(dir, 'nca.cer'), roots[2]!.certificateDer);
		await writeFile(join(dir, 'README.txt'), 'not a certificate');
		const anchors = await loadTrustAnchors(dir);
		expect(anchors.map((anchor) => describeCertificate(anchor).commonName)).toEqual(['ROOT A', 'ROOT B', 'ROOT C']);
	});

	it('names a file that holds no certificate', async () => {
		await writeFile(join(dir, 'key.pem'), roots[0]!.privateKeyPem);
		await expect(loadTrustAnchors(dir)).rejects.toThrow(/key\.pem/);
		await rm(join(dir, 'key.pem'));
		await writeFile(join(dir, 'broken.crt'), new Uint8Array([0x30, 0x01]));
		await expect(loadTrustAnchors(dir)).rejects.toThrow(/broken\.crt/);
	});
});

describe('encoding', () => {
	it('refuses text that is not base64 and round-trips PEM', () => {
		expect(fromBase64('ab$c')).toBeNull();
		expect(fromBase64('abc')).toBeNull();
		expect(fromBase64('YWJj\r\nZA==')).toEqual(new TextEncoder().encode('abcd'));
		const bytes = crypto.getRandomValues(new Uint8Array(60_000));
		expect(fromBase64(toBase64(bytes))).toEqual(bytes);
		expect(fromPem(toPem('CMS', bytes))).toEqual([{ label: 'CMS', der: bytes }]);
	});
});
