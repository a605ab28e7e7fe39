import type { Certificate } from 'pkijs';
import type { TestCa } from './test-pki.ts';
import { loadTrustAnchors } from './trust-anchors.ts';

/**
 * The roots a signature's chain must reach: the PEM (or DER) files of `TRUST_STORE_DIR`, where an
 * operator puts the national PKI's roots, and outside production the demo's test CA as well.
 */
export async function buildTrustStore(options: { trustStoreDir?: string; testCa: TestCa | null }): Promise<Certificate[]> {
	const configured = options.trustStoreDir ? await loadTrustAnchors(options.trustStoreDir) : [];
	return options.testCa ? [...configured, options.testCa.certificate] : configured;
}
