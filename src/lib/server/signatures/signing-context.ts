import type { Certificate } from 'pkijs';
import { getConfig } from '../config.ts';
import { loadOrCreateTestCa } from './test-ca-store.ts';
import type { TestCa } from './test-pki.ts';
import { buildTrustStore } from './trust-store.ts';
import type { RevocationSettings } from './check-revocation.ts';
import type { GostVerifier } from './verify-gost.ts';

export interface SigningContext {
	trustAnchors: Certificate[];
	/** The demo's certification authority; null in production, where it does not exist. */
	testCa: TestCa | null;
	revocation: RevocationSettings;
	/** NCANode for GOST signatures, when configured. */
	gost: GostVerifier | null;
}

let context: Promise<SigningContext> | null = null;

/** Read once per process, on the first signature: the trust store does not change while running. */
export function getSigningContext(): Promise<SigningContext> {
	context ??= (async () => {
		const config = getConfig();
		const testCa = config.APP_MODE === 'production' ? null : await loadOrCreateTestCa(config.DATA_DIR);
		const revocation = { mode: config.REVOCATION_CHECK, ocspUrl: config.OCSP_URL ?? null, timeoutMs: config.OCSP_TIMEOUT_MS };
		const gost = config.NCANODE_URL ? { url: config.NCANODE_URL, checkRevocation: config.REVOCATION_CHECK !== 'off', timeoutMs: config.NCANODE_TIMEOUT_MS } : null;
		return { trustAnchors: await buildTrustStore({ trustStoreDir: config.TRUST_STORE_DIR, testCa }), testCa, revocation, gost };
	})();
	// A failed load (an unreadable trust store) is tried again on the next signature.
	context.catch(() => {
		context = null;
	});
	return context;
}
