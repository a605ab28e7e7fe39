import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for NCANode v3 in tests: it answers POST /cms/verify with the JSON shapes the real server
// produces (CmsVerificationResponse, ErrorResponse) without checking any signature itself.

export type FakeAnswer = 'valid' | 'invalid' | 'revoked' | 'error500' | 'garbage' | 'hang';

/** The signer certificate the fake reports, in NCANode's own vocabulary. */
export interface FakeSigner {
	commonName: string;
	surName: string | null;
	lastName: string | null;
	iin: string | null;
	bin: string | null;
	organization: string | null;
	/** As NCANode writes it: BigInteger.toString(16). */
	serialNumber: string;
	notBefore: Date;
	notAfter: Date;
	keyUsage: 'SIGN' | 'AUTH' | 'UNKNOWN';
	/** CertificateKeyUser names, e.g. ORGANIZATION, CEO. */
	keyUser: string[];
	issuerCommonName: string;
	signAlg: string;
	/** genTime of a time-stamp token; null for a CMS without one. */
	tspGenTime: Date | null;
}

export interface FakeNcaNodeOptions {
	answer?: FakeAnswer;
	signer?: Partial<FakeSigner>;
}

export interface FakeNcaNode {
	url: string;
	setAnswer(kind: FakeAnswer, signer?: Partial<FakeSigner>): void;
	/** Parsed JSON bodies of the requests to the verify path, oldest first. */
	received: unknown[];
	close(): Promise<void>;
}

const DAY = 86_400_000;

export function defaultFakeSigner(): FakeSigner {
	const now = Date.now();
	return {
		commonName: 'ЖУМАБЕКОВ АСХАТ',
		surName: 'ЖУМАБЕКОВ',
		lastName: 'ЕРЛАНОВИЧ',
		iin: '880315300214',
		bin: '100140011059',
		organization: 'ТОО «Дала Агро»',
		serialNumber: '4a1f0c9e2b7d3e5f60718293a4b5c6d7e8f90a1b',
		notBefore: new Date(now - 100 * DAY),
		notAfter: new Date(now + 265 * DAY),
		keyUsage: 'SIGN',
		keyUser: ['ORGANIZATION', 'CEO'],
		issuerCommonName: 'ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) 2022',
		signAlg: 'ECGOST34310-2015-512',
		tspGenTime: new Date(now - 60_000)
	};
}

/** java.util.Date as Spring Boot's Jackson writes it by default. */
function jacksonDate(date: Date | null): string | null {
	return date ? date.toISOString().replace('Z', '+00:00') : null;
}

/** Drops null fields, as NCANode's @JsonInclude(NON_NULL) DTOs do. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined));
}

function subjectJson(signer: FakeSigner): Record<string, unknown> {
	const dn = [
		`CN=${signer.commonName}`,
		signer.surName && `SURNAME=${signer.surName}`,
		signer.iin && `SERIALNUMBER=IIN${signer.iin}`,
		'C=KZ',
		signer.organization && `O=${signer.organization}`,
		signer.bin && `OU=BIN${signer.bin}`,
		signer.lastName && `OID.2.5.4.42=${signer.lastName}`
	].filter(Boolean);
	const { commonName, surName, lastName, iin, bin, organization } = signer;
	return compact({ commonName, surName, lastName, organization, iin, bin, country: 'KZ', dn: dn.join(', ') });
}

function verificationJson(kind: 'valid' | 'invalid' | 'revoked', signer: FakeSigner, revocationCheck: string[]): Record<string, unknown> {
	const now = Date.now();
	const datesValid = signer.notBefore.getTime() < now && now < signer.notAfter.getTime();
	// NCANode reports a revocation entry only for the methods it was asked to use.
	const revocations =
		kind === 'revoked'
			? [{ revoked: true, by: 'OCSP', revocationTime: jacksonDate(new Date(now - DAY)), reason: 'OK' }]
			: revocationCheck.map((by) => ({ revoked: false, by, revocationTime: null, reason: 'OK' }));
	const certificateValid = datesValid && kind !== 'revoked';
	const certificate = compact({
		valid: certificateValid,
		revocations,
		notBefore: jacksonDate(signer.notBefore),
		notAfter: jacksonDate(signer.notAfter),
		keyUsage: signer.keyUsage,
		serialNumber: signer.serialNumber,
		signAlg: signer.signAlg,
		keyUser: signer.keyUser,
		publicKey: 'MGwwJQYJKoMOAwoBAQIDMBgGCiqDDgMKAQECAwAGCiqDDgMKAQMDBgADQwAEQA==',
		signature: 'AA==',
		subject: subjectJson(signer),
		issuer: { commonName: signer.issuerCommonName, country: 'KZ', dn: `CN=${signer.issuerCommonName}, C=KZ` }
	});
	const tsp = signer.tspGenTime ? { serialNumber: '0a1b2c', genTime: jacksonDate(signer.tspGenTime), policy: '1.2.398.3.3.2.6.2', tsa: null, tspHashAlgorithm: 'GOST34311', hash: '00' } : null;
	return { status: 200, message: 'OK', valid: certificateValid && kind === 'valid', signers: [{ certificates: [certificate], tsp }] };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the fake on 127.0.0.1 on a free port. */
export async function startFakeNcaNode(options: FakeNcaNodeOptions = {}): Promise<FakeNcaNode> {
	let kind: FakeAnswer = options.answer ?? 'valid';
	let signer: FakeSigner = { ...defaultFakeSigner(), ...options.signer };
	const received: unknown[] = [];

	const server = createServer((request, response) => {
		void (async () => {
			const path = new URL(request.url ?? '/', 'http://localhost').pathname;
			if (path !== '/cms/verify') return sendJson(response, 404, { timestamp: jacksonDate(new Date()), status: 404, error: 'Not Found', path });
			if (request.method !== 'POST') return sendJson(response, 405, { timestamp: jacksonDate(new Date()), status: 405, error: 'Method Not Allowed', path });
			let body: unknown;
			try {
				body = await readJson(request);
			} catch {
				return sendJson(response, 400, { status: 400, message: 'Bad Request' });
			}
			received.push(body);
			const fields = (body ?? {}) as { cms?: unknown; revocationCheck?: unknown };
			// Bean validation on CmsVerifyRequest: @NotEmpty cms.
			if (typeof fields.cms !== 'string' || fields.cms === '') return sendJson(response, 400, { status: 400, message: 'Bad Request' });
			const revocationCheck = Array.isArray(fields.revocationCheck) ? fields.revocationCheck.filter((item) => item === 'OCSP' || item === 'CRL') : [];
			if (kind === 'hang') return; // never answers; close() drops the connection
			if (kind === 'error500') return sendJson(response, 500, { status: 500, message: 'Connection refused' });
			if (kind === 'garbage') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
			sendJson(response, 200, verificationJson(kind, signer, revocationCheck));
		})();
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		setAnswer(next, overrides) {
			kind = next;
			signer = { ...defaultFakeSigner(), ...overrides };
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			})
	};
}
