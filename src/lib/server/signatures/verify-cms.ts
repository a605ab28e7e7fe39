import { CertificateChainValidationEngine, type Certificate, type FindIssuerCallback } from 'pkijs';
import {
	certificateDer,
	certificateRoles,
	describeCertificate,
	extendedKeyUsage,
	keyUsage,
	subjectIdentity,
	unknownCriticalExtensions,
	type CertificateDescription
} from '../../signing/cms/certificate-info.ts';
import { parseDetachedCms, type ParsedCms } from './cms-structure.ts';
import { webCrypto } from '../../signing/cms/crypto-engine.ts';
import { bytesEqual, exactBuffer, sha256, toHex } from '../../signing/cms/encoding.ts';
import { OID } from '../../signing/cms/oids.ts';
import { checkIdentity, type ExpectedSigner } from './signer-identity.ts';
import { Refusal, refuse, type RefusalCode } from './refusal.ts';
import { verifyGost, type GostVerifier } from './verify-gost.ts';

export type { RefusalCode } from './refusal.ts';

// Verifies what the browser sends back from NCALayer. Nothing in the CMS is believed until checked:
// the checks run in a fixed order and the first failure decides the one code the caller sees.

/** A signing time this far ahead of `now` is still taken as given: clocks on users' machines drift. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Bounds path building, which an attacker's certificates could otherwise send round in circles. */
const MAX_ISSUER_LOOKUPS = 16;

export type { ExpectedSigner } from './signer-identity.ts';

export interface VerifyDetachedInput {
	/** Base64, PEM or DER, as NCALayer returned it. */
	cms: string | Uint8Array;
	/** The stored document's exact bytes. */
	content: Uint8Array;
	/** The stored document's SHA-256, hex. */
	contentSha256: string;
	trustAnchors: readonly Certificate[];
	/** Whose signature it must be; null on the public check, where anyone's valid signature is reported as such. */
	expectedSigner: ExpectedSigner | null;
	now: Date;
	/** Where GOST signatures are verified (NCANode); without it they are refused. */
	gost?: GostVerifier;
}

/** The signer's certificate as people read it, and what the signature itself adds. */
export interface SignerDetails extends CertificateDescription {
	/** Always present: a certificate without one is refused. */
	iin: string;
	/** As the signer's machine claimed it; covered by the signature but not independently attested. */
	signingTime: Date | null;
	algorithm: 'rsa' | 'ecdsa' | 'gost';
}

export interface VerifySuccess {
	ok: true;
	signer: SignerDetails;
	/**
	 * With the issuer's, what an OCSP request or a CRL lookup needs: revocation is checked later. Both
	 * null when the verifier (NCANode, for GOST) was asked about revocation itself.
	 */
	certificateDer: Uint8Array | null;
	issuerCertificateDer: Uint8Array | null;
	/** The time the chain was validated at: the signing time when plausible, else `now`. */
	validatedAt: Date;
}

export interface VerifyFailure {
	ok: false;
	code: RefusalCode;
	/** For logs, not for users: it may quote what the CMS contains. */
	detail: string;
}

export type VerifyResult = VerifySuccess | VerifyFailure;

async function checkSignature(cms: ParsedCms): Promise<void> {
	const { signerInfo, signerCertificate } = cms;
	// With rsaEncryption as the signature OID the hash comes from the digest algorithm; the other
	// OIDs name their own hash.
	const hash = signerInfo.signatureAlgorithm.algorithmId === OID.rsaEncryption ? cms.hash : undefined;
	let valid = false;
	try {
		valid = await webCrypto.verifyWithPublicKey(
			exactBuffer(cms.signedAttributes),
			signerInfo.signature,
			signerCertificate.subjectPublicKeyInfo,
			signerInfo.signatureAlgorithm,
			hash
		);
	} catch (error) {
		refuse('bad_signature', `signature could not be checked: ${(error as Error).message}`);
	}
	if (!valid) refuse('bad_signature', 'the signature does not match the signed attributes');
}

async function checkContent(cms: ParsedCms, content: Uint8Array, contentSha256: string): Promise<void> {
	const digest = new Uint8Array(await globalThis.crypto.subtle.digest(cms.hash, exactBuffer(content)));
	if (!bytesEqual(digest, cms.messageDigest)) refuse('content_changed', 'the signature was made over other content');
	if (toHex(await sha256(content)) !== contentSha256.trim().toLowerCase()) {
		refuse('content_changed', 'the content is not the stored document');
	}
}

function validAt(certificate: Certificate, time: Date): boolean {
	return certificate.notBefore.value <= time && time <= certificate.notAfter.value;
}

/** Returns the path from the signer up to and including a trust anchor. */
async function checkChain(cms: ParsedCms, anchors: readonly Certificate[], validationTime: Date): Promise<Certificate[]> {
	const signer = cms.signerCertificate;
	if (anchors.some((anchor) => bytesEqual(anchor.tbsView, signer.tbsView))) {
		refuse('untrusted_chain', 'the signer certificate is itself a trust anchor');
	}
	const unknown = unknownCriticalExtensions(signer);
	if (unknown.length > 0) refuse('untrusted_chain', `unknown critical extension ${unknown.join(', ')}`);

	let lookups = 0;
	const findIssuer: FindIssuerCallback = async (certificate, engine, crypto) =>
		++lookups > MAX_ISSUER_LOOKUPS ? [] : engine.defaultFindIssuer(certificate, engine, crypto);
	// The engine takes the last of `certs` as the end-entity certificate.
	const engine = new CertificateChainValidationEngine({
		trustedCerts: [...anchors],
		certs: [...cms.otherCertificates, signer],
		checkDate: validationTime,
		findIssuer
	});
	const result = await engine.verify({}, webCrypto);
	const path = result.certificatePath ?? [];
	// Code 8 is the engine's "not yet valid or expired" for a path it did manage to build.
	if (!result.result && result.resultCode === 8) {
		refuse('expired', `a certificate in the chain is not valid at ${validationTime.toISOString()}`);
	}
	if (!result.result || path.length < 2) refuse('untrusted_chain', result.resultMessage || 'no path to a trust anchor');
	return path;
}

function checkSigningKey(certificate: Certificate): void {
	const usage = keyUsage(certificate);
	const purposes = extendedKeyUsage(certificate) ?? [];
	if (usage?.digitalSignature && usage.nonRepudiation && purposes.includes(OID.emailProtection)) return;
	const authentication = purposes.includes(OID.clientAuth) || usage?.keyEncipherment === true;
	refuse('not_signing_key', authentication ? 'an authentication key cannot sign documents' : 'the key is not for signing');
}

function checkOwner(certificate: Certificate, expected: ExpectedSigner | null): void {
	const identity = subjectIdentity(certificate);
	checkIdentity({ iin: identity.iin, bin: identity.bin, roles: certificateRoles(certificate) }, expected);
}

function validateExpectedSigner(expected: ExpectedSigner | null): void {
	if (expected === null) return;
	const values = 'bin' in expected ? [expected.bin, ...(expected.iin === undefined ? [] : [expected.iin])] : [expected.iin];
	if (!values.every((value) => /^\d{12}$/.test(value))) throw new TypeError('expectedSigner must hold a 12-digit IIN or BIN');
}

/**
 * Checks a detached CMS over a stored document: structure, algorithm, signature, content, chain,
 * validity, key purpose and owner, in that order. Revocation is not checked.
 */
export async function verifyDetachedSignature(input: VerifyDetachedInput): Promise<VerifyResult> {
	validateExpectedSigner(input.expectedSigner);
	if (Number.isNaN(input.now.getTime())) throw new TypeError('now must be a valid date');
	try {
		const cms = await parseDetachedCms(input.cms);
		await checkSignature(cms);
		await checkContent(cms, input.content, input.contentSha256);

		const claimed = cms.signingTime;
		const validationTime = claimed && claimed.getTime() <= input.now.getTime() + CLOCK_SKEW_MS ? claimed : input.now;
		const path = await checkChain(cms, input.trustAnchors, validationTime);
		const signer = cms.signerCertificate;
		if (!validAt(signer, input.now)) refuse('expired', `the signer certificate is not valid at ${input.now.toISOString()}`);
		checkSigningKey(signer);
		checkOwner(signer, input.expectedSigner);

		const description = describeCertificate(signer);
		return {
			ok: true,
			signer: { ...description, iin: description.iin!, signingTime: claimed, algorithm: cms.algorithm },
			certificateDer: certificateDer(signer),
			issuerCertificateDer: certificateDer(path[1]!),
			validatedAt: validationTime
		};
	} catch (error) {
		// GOST keys are the national PKI's too: NCANode verifies them where it is configured.
		if (error instanceof Refusal && error.code === 'gost_unsupported' && input.gost) return verifyGost(input, input.gost);
		if (error instanceof Refusal) return { ok: false, code: error.code, detail: error.message };
		// Whatever else a hostile CMS makes the libraries throw is still a refusal, never a success.
		return { ok: false, code: 'malformed', detail: `unexpected: ${(error as Error).message}` };
	}
}
