import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { certificateDer, parseCertificates } from '../../signing/cms/certificate-info.ts';
import { fromPem } from '../../signing/cms/encoding.ts';
import { createTestCa, type TestCa } from './test-pki.ts';

const CERTIFICATE_FILE = 'test-ca.pem';
const KEY_FILE = 'test-ca.key.pem';

/**
 * The demo's own certification authority, made on the first start outside production and kept
 * under `DATA_DIR/test-pki`, so that certificates it issued stay valid across restarts. Its root
 * is trusted only outside production (see trust-store.ts).
 */
export async function loadOrCreateTestCa(dataDir: string): Promise<TestCa> {
	const dir = path.join(dataDir, 'test-pki');
	try {
		return await readTestCa(dir);
	} catch (cause) {
		if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
	}
	const ca = await createTestCa({ algorithm: 'rsa', name: 'Atameken Services TEST CA (not for real signatures)' });
	await mkdir(dir, { recursive: true, mode: 0o700 });
	// The key first and each file renamed into place: a crash never leaves a certificate without its key.
	for (const [file, text, mode] of [
		[KEY_FILE, ca.privateKeyPem, 0o600],
		[CERTIFICATE_FILE, ca.certificatePem, 0o644]
	] as const) {
		await writeFile(path.join(dir, `${file}.tmp`), text, { mode });
		await rename(path.join(dir, `${file}.tmp`), path.join(dir, file));
	}
	return ca;
}

async function readTestCa(dir: string): Promise<TestCa> {
	const [certificatePem, privateKeyPem] = await Promise.all([readFile(path.join(dir, CERTIFICATE_FILE), 'utf8'), readFile(path.join(dir, KEY_FILE), 'utf8')]);
	const [certificate] = parseCertificates(certificatePem);
	const keyBlock = fromPem(privateKeyPem).find((block) => block.label === 'PRIVATE KEY');
	if (!certificate || !keyBlock) throw new Error(`The test CA in ${dir} is damaged: remove the folder to make a new one`);
	const privateKey = await globalThis.crypto.subtle.importKey('pkcs8', keyBlock.der.slice().buffer, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
	return { certificate, certificatePem, certificateDer: certificateDer(certificate), privateKey, privateKeyPem, algorithm: 'rsa' };
}
