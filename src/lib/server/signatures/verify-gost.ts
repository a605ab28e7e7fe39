import { fromBase64, sha256, toHex } from '../../signing/cms/encoding.ts';
import { SIGNER_ROLES, type SignerRole } from '../../signing/cms/oids.ts';
import { verifyWithNcaNode, type NcaNodeFailure } from './ncanode/ncanode-client.ts';
import { Refusal, type RefusalCode } from './refusal.ts';
import { checkIdentity } from './signer-identity.ts';
import type { VerifyDetachedInput, VerifyResult } from './verify-cms.ts';

/** NCANode, which verifies GOST signatures against the national PKI's roots it is set up with. */
export interface GostVerifier {
	url: string;
	/** NCANode asks OCSP itself; the portal's own OCSP client cannot read GOST-signed answers. */
	checkRevocation: boolean;
	timeoutMs: number;
	fetch?: typeof fetch;
}

const REFUSAL_OF: Record<NcaNodeFailure, RefusalCode> = {
	invalid: 'bad_signature',
	revoked: 'revoked',
	untrusted_chain: 'untrusted_chain',
	expired: 'expired',
	unavailable: 'verifier_unavailable'
};

/**
 * A GOST signature, checked by NCANode: the signature over these bytes, the chain to its roots,
 * validity and (when asked) revocation. What the portal decides for itself is checked here as for
 * any other signature: that the bytes are the stored document, that the key is a signing key, and
 * whose it is.
 */
export async function verifyGost(input: VerifyDetachedInput, gost: GostVerifier): Promise<VerifyResult> {
	if (toHex(await sha256(input.content)) !== input.contentSha256.trim().toLowerCase()) return { ok: false, code: 'content_changed', detail: 'the content is not the stored document' };
	const cms = typeof input.cms === 'string' ? fromBase64(input.cms.replace(/\s+/g, '')) : input.cms;
	if (!cms) return { ok: false, code: 'malformed', detail: 'not base64' };
	const verdict = await verifyWithNcaNode({ url: gost.url, cms, content: input.content, checkRevocation: gost.checkRevocation, timeoutMs: gost.timeoutMs, fetch: gost.fetch });
	if (!verdict.ok) return { ok: false, code: REFUSAL_OF[verdict.reason], detail: `NCANode: ${verdict.detail}` };
	const { signer } = verdict;
	if (!signer.isSigningKey) return { ok: false, code: 'not_signing_key', detail: 'NCANode reports an authentication key' };
	try {
		checkIdentity(signer, input.expectedSigner);
	} catch (error) {
		if (error instanceof Refusal) return { ok: false, code: error.code, detail: error.message };
		throw error;
	}
	return {
		ok: true,
		signer: {
			subject: signer.subject,
			commonName: signer.commonName,
			iin: signer.iin!,
			bin: signer.bin,
			organisation: signer.organisation,
			serialNumber: signer.serialNumber,
			issuer: signer.issuer,
			notBefore: signer.notBefore,
			notAfter: signer.notAfter,
			roles: signer.roles.filter(isSignerRole),
			signingTime: signer.signingTime,
			algorithm: 'gost'
		},
		certificateDer: null,
		issuerCertificateDer: null,
		validatedAt: input.now
	};
}

function isSignerRole(role: string): role is SignerRole {
	return Object.hasOwn(SIGNER_ROLES, role);
}
