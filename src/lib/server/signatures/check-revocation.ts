import { parseCertificateDer } from '../../signing/cms/certificate-info.ts';
import { loggableMessage } from '../log.ts';
import { checkOcsp, ocspUrlOf, type RevocationStatus } from './revocation/ocsp.ts';

export type RevocationMode = 'off' | 'best-effort' | 'required';

export interface RevocationSettings {
	mode: RevocationMode;
	/** The responder to ask; null: the one the certificate names. */
	ocspUrl: string | null;
	timeoutMs: number;
	/** For tests: a fetch of their own. */
	fetch?: typeof fetch;
}

export const NO_REVOCATION_CHECK: RevocationSettings = { mode: 'off', ocspUrl: null, timeoutMs: 0 };

/** `checked`: a responder said good; `skipped`: not asked, or (best effort) no usable answer. */
export type RevocationOutcome = { ok: true; result: 'checked' | 'skipped' } | { ok: false; code: 'revoked' | 'revocation_unavailable' };

/**
 * Whether the signer's certificate still holds, as its CA's OCSP responder says now. Under
 * `required`, a signature counts only with a fresh, signed «good»; under `best-effort` only a
 * «revoked» refuses it and a responder that cannot be reached (or knows nothing of the certificate)
 * is logged and passed over.
 */
export async function checkRevocation(settings: RevocationSettings, certificates: { certificateDer: Uint8Array | null; issuerCertificateDer: Uint8Array | null }, now: Date): Promise<RevocationOutcome> {
	if (settings.mode === 'off') return { ok: true, result: 'skipped' };
	// NCANode was asked about a GOST certificate's revocation as it verified the signature.
	if (!certificates.certificateDer || !certificates.issuerCertificateDer) return { ok: true, result: 'checked' };
	const url = settings.ocspUrl ?? ocspUrlOf(parseCertificateDer(certificates.certificateDer));
	const status: RevocationStatus = url
		? await checkOcsp({ certificateDer: certificates.certificateDer, issuerCertificateDer: certificates.issuerCertificateDer, url, now, timeoutMs: settings.timeoutMs, fetch: settings.fetch })
		: { status: 'unavailable', detail: 'the certificate names no OCSP responder and none is configured' };
	if (status.status === 'good') return { ok: true, result: 'checked' };
	if (status.status === 'revoked') return { ok: false, code: 'revoked' };
	const detail = status.status === 'unknown' ? 'the responder does not know the certificate' : status.detail;
	if (settings.mode === 'required') return { ok: false, code: 'revocation_unavailable' };
	console.warn(`[signatures] revocation not checked: ${loggableMessage(detail)}`);
	return { ok: true, result: 'skipped' };
}
