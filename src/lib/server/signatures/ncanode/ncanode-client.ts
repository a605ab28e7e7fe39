import { toBase64 } from '../../../signing/cms/encoding.ts';
import type { SignerRole } from '../../../signing/cms/oids.ts';
import { readAnswer, type NcaCertificate, type NcaSigner } from './ncanode-answer.ts';

// GOST 34.10 signatures cannot be checked in-process, so they go to NCANode v3 (POST /cms/verify).
// Its answer is read defensively: anything we cannot account for is a refusal, never a success.

export interface NcaNodeVerifyInput {
	/** NCANode's base URL, e.g. http://ncanode:14579; a path prefix behind a proxy is kept. */
	url: string;
	/** The detached CMS, DER. */
	cms: Uint8Array;
	/** The exact signed bytes. */
	content: Uint8Array;
	/** Asks NCANode to query OCSP; without it NCANode reports nothing about revocation. */
	checkRevocation: boolean;
	timeoutMs?: number;
	fetch?: typeof fetch;
}

export interface NcaNodeSigner {
	commonName: string;
	iin: string | null;
	bin: string | null;
	organisation: string | null;
	/** Lower-case hex without leading zeros. */
	serialNumber: string;
	issuer: string;
	subject: string;
	notBefore: Date;
	notAfter: Date;
	/** The time-stamp token's time when the CMS carries one: NCANode reports no claimed signing time. */
	signingTime: Date | null;
	/** NCANode's SIGN key usage (digitalSignature and nonRepudiation), as opposed to AUTH. */
	isSigningKey: boolean;
	/** Our SignerRole names where one exists, otherwise NCANode's own upper-case name. */
	roles: string[];
}

export type NcaNodeFailure = 'invalid' | 'revoked' | 'untrusted_chain' | 'expired' | 'unavailable';

export type NcaNodeVerdict = { ok: true; signer: NcaNodeSigner } | { ok: false; reason: NcaNodeFailure; detail: string };

export const NCANODE_VERIFY_PATH = '/cms/verify';
export const MAX_ANSWER_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

/** NCANode's CertificateKeyUser names for the roles we know by OID (same OIDs as SIGNER_ROLES). */
const ROLE_BY_KEY_USER: Readonly<Record<string, SignerRole>> = {
	INDIVIDUAL: 'individual',
	ORGANIZATION: 'organisation',
	CEO: 'head',
	CAN_SIGN: 'right_to_sign',
	CAN_SIGN_FINANCIAL: 'financial',
	HR: 'hr',
	EMPLOYEE: 'employee'
};

/** Thrown while reading the answer; becomes an `unavailable` verdict. */
class Unreadable extends Error {}

function fail(reason: NcaNodeFailure, detail: string): NcaNodeVerdict {
	return { ok: false, reason, detail };
}

function verifyUrl(base: string): string {
	const url = new URL(base);
	url.pathname = url.pathname.replace(/\/+$/, '') + NCANODE_VERIFY_PATH;
	return url.toString();
}

/** Reads at most MAX_ANSWER_BYTES so a misbehaving server cannot make us buffer without end. */
async function readCapped(response: Response): Promise<string> {
	const declared = Number(response.headers.get('content-length') ?? 0);
	if (declared > MAX_ANSWER_BYTES) throw new Unreadable(`answer of ${declared} bytes is too large`);
	if (!response.body) return '';
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > MAX_ANSWER_BYTES) {
			await reader.cancel().catch(() => undefined);
			throw new Unreadable('answer is larger than 1 MiB');
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

function mapRoles(keyUser: readonly string[]): string[] {
	return [...new Set(keyUser.map((name) => ROLE_BY_KEY_USER[name] ?? name))];
}

/** NCANode fills iin/bin from SERIALNUMBER and OU by stripping a prefix; only 12 digits are taken as one. */
function twelveDigits(value: string | null): string | null {
	return value !== null && /^\d{12}$/.test(value) ? value : null;
}

function judgeCertificate(certificate: NcaCertificate, checkRevocation: boolean, now: Date): NcaNodeVerdict | null {
	const revoked = certificate.revocations.find((entry) => entry.revoked);
	if (revoked) return fail('revoked', `revoked per ${revoked.by ?? 'NCANode'}${revoked.revocationTime ? ` at ${revoked.revocationTime.toISOString()}` : ''}`);
	if (now < certificate.notBefore || now > certificate.notAfter) return fail('expired', `the certificate is not valid at ${now.toISOString()}`);
	const ocsp = certificate.revocations.filter((entry) => entry.by === 'OCSP');
	// Asked for OCSP but told nothing: an older or misconfigured NCANode; do not take silence as "not revoked".
	if (checkRevocation && ocsp.length === 0) return fail('unavailable', 'NCANode reported no OCSP status');
	if (certificate.valid) return null;
	// NCANode marks a certificate invalid when it does not know the issuer, or when OCSP gave no answer.
	// It tells the two apart only in text: "OK" for an answer, a root-certificate hint when the issuer is unknown.
	const unanswered = ocsp.find((entry) => entry.reason !== 'OK');
	if (checkRevocation && unanswered && !/root certificate/i.test(unanswered.reason ?? '')) {
		return fail('unavailable', `OCSP status unknown: ${unanswered.reason ?? 'no reason given'}`);
	}
	return fail('untrusted_chain', 'NCANode does not trust the certificate issuer');
}

function toSigner(signer: NcaSigner, certificate: NcaCertificate): NcaNodeSigner {
	const subject = certificate.subject;
	return {
		commonName: subject.commonName ?? '',
		iin: twelveDigits(subject.iin),
		bin: twelveDigits(subject.bin),
		organisation: subject.organization,
		serialNumber: certificate.serialNumber,
		issuer: certificate.issuer.dn ?? '',
		subject: subject.dn ?? '',
		notBefore: certificate.notBefore,
		notAfter: certificate.notAfter,
		signingTime: signer.tspTime,
		isSigningKey: certificate.keyUsage === 'SIGN',
		roles: mapRoles(certificate.keyUser)
	};
}

async function ask(input: NcaNodeVerifyInput): Promise<unknown> {
	const doFetch = input.fetch ?? fetch;
	const signal = AbortSignal.timeout(input.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	const body = JSON.stringify({ cms: toBase64(input.cms), data: toBase64(input.content), revocationCheck: input.checkRevocation ? ['OCSP'] : [] });
	const response = await doFetch(verifyUrl(input.url), {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body,
		signal,
		redirect: 'error'
	});
	// The same signal bounds reading the body, so a server that stalls mid-answer still times out.
	const text = await readCapped(response);
	if (!response.ok) throw new Unreadable(`HTTP ${response.status}: ${errorMessage(text)}`);
	try {
		return JSON.parse(text);
	} catch {
		throw new Unreadable('the answer is not JSON');
	}
}

/** NCANode's ErrorResponse carries `message` (and `details` in debug mode); quoted for logs only. */
function errorMessage(text: string): string {
	try {
		const parsed = JSON.parse(text) as { message?: unknown; details?: unknown };
		return [parsed.message, parsed.details].filter((part) => typeof part === 'string').join(': ') || 'no message';
	} catch {
		return 'no message';
	}
}

/** Asks NCANode whether a detached CMS over `content` is valid, and by whom it was made. */
export async function verifyWithNcaNode(input: NcaNodeVerifyInput): Promise<NcaNodeVerdict> {
	let raw: unknown;
	try {
		raw = await ask(input);
	} catch (error) {
		const name = (error as Error).name;
		const detail = name === 'TimeoutError' || name === 'AbortError' ? 'NCANode did not answer in time' : (error as Error).message;
		return fail('unavailable', detail);
	}
	const answer = readAnswer(raw);
	if (typeof answer === 'string') return fail('unavailable', `unreadable answer: ${answer}`);
	if (answer.signers.length !== 1) return fail('invalid', `expected one signer, NCANode found ${answer.signers.length}`);
	const signer = answer.signers[0]!;
	// Several certificates for one signer identifier would leave it open whose key signed.
	if (signer.certificates.length !== 1) return fail('invalid', `expected one signer certificate, found ${signer.certificates.length}`);
	const certificate = signer.certificates[0]!;
	const refusal = judgeCertificate(certificate, input.checkRevocation, new Date());
	if (refusal) return refusal;
	// The certificate passed, so an overall "not valid" can only be the signature over the content.
	if (!answer.valid) return fail('invalid', 'the signature does not match the content');
	return { ok: true, signer: toSigner(signer, certificate) };
}
