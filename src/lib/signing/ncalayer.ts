// Browser client for NCALayer, the national signing app that runs on the user's computer and talks
// WebSocket on a fixed local port. KAZTOKEN answers the same protocol on the same port, so this
// covers both. One call = one socket: open, wait for the greeting, send one `sign`, read one answer,
// close. A fresh socket per signature avoids matching answers to requests (the protocol has no ids)
// and leaves nothing open while the user is elsewhere on the page.
import { fromBase64, toBase64 } from './cms/encoding.ts';
import type { DocumentSigner, SignInput, SignLocale, SignOutcome } from './signer.ts';

export const NCALAYER_URL = 'wss://127.0.0.1:13579';

/** Key files (PKCS12) first, then the hardware tokens NCALayer knows: Kaztoken, ID card, eToken, JaCarta. */
export const ALLOWED_STORAGES = ['PKCS12', 'AKKaztokenStore', 'AKKZIDCardStore', 'AKEToken72KStore', 'AKJaCartaStore'];

// Kazakh certificates come in pairs: one for authentication, one for signing. The signing one carries
// this extended key usage, so filtering on it keeps the authentication key out of the user's choice.
export const SIGNING_KEY_USAGE_OID = '1.3.6.1.5.5.7.3.4';

// Opening the socket and the greeting are instant when NCALayer runs; the answer waits for a person
// who may have to find a token and type a PIN.
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_ANSWER_TIMEOUT_MS = 10 * 60_000;

export interface NcaLayerOptions {
	url?: string;
	/** Limit for the socket to open and NCALayer's version greeting to arrive. */
	connectTimeoutMs?: number;
	/** Limit for the answer to the sign request, the user's choice of key and PIN included. */
	timeoutMs?: number;
	/** Ask NCALayer to add a timestamp from the national TSA (needs the user's machine online). */
	timestamp?: boolean;
	/** Injected by tests; defaults to the global WebSocket. */
	WebSocketImpl?: typeof WebSocket;
}

export type NcaLayerSignInput = SignInput & NcaLayerOptions;

export interface NcaLayerSignRequest {
	module: 'kz.gov.pki.knca.basics';
	method: 'sign';
	args: {
		allowedStorages: string[];
		format: 'cms';
		data: string;
		signingParams: { decode: true; encapsulate: false; digested: false; tsaProfile?: Record<string, never> };
		signerParams: { extKeyUsageOids: string[]; iin?: string; bin?: string; chain: string[] };
		locale: SignLocale;
	};
}

export function buildSignRequest(input: Pick<NcaLayerSignInput, 'data' | 'owner' | 'locale' | 'timestamp'>): NcaLayerSignRequest {
	// Copied field by field: whatever else the caller's object holds stays out of the request.
	const given = input.owner;
	const owner: { iin?: string; bin?: string } = 'bin' in given ? { bin: given.bin, ...(given.iin === undefined ? {} : { iin: given.iin }) } : { iin: given.iin };
	// A malformed filter would just show the user an empty key list; that is our bug, so say so loudly.
	if (![owner.iin, owner.bin].every((id) => id === undefined || /^\d{12}$/.test(id))) throw new TypeError('signWithNcaLayer: owner IIN/BIN must be 12 digits');
	return {
		module: 'kz.gov.pki.knca.basics',
		method: 'sign',
		args: {
			allowedStorages: ALLOWED_STORAGES,
			format: 'cms',
			data: toBase64(input.data),
			// decode: `data` is Base64 of the bytes to sign, not text; encapsulate false: detached CMS,
			// since the server keeps the document and compares its digest; digested false: raw bytes.
			signingParams: { decode: true, encapsulate: false, digested: false, ...(input.timestamp ? { tsaProfile: {} } : {}) },
			// NCALayer lists only certificates carrying every OID given, so "head OR right to sign" cannot
			// be asked for; the IIN/BIN filter narrows to the owner and the server checks the role.
			// An empty `chain` skips NCALayer's own chain check, which lets test-CA keys through; the
			// server verifies the chain against its trust store either way.
			signerParams: { extKeyUsageOids: [SIGNING_KEY_USAGE_OID], ...owner, chain: [] },
			locale: input.locale
		}
	};
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Base64 DER out of NCALayer's `result`: a string or an array of one, possibly PEM-armoured. */
export function normaliseCms(result: unknown): string | null {
	const single: unknown = Array.isArray(result) ? (result.length === 1 ? result[0] : undefined) : result;
	if (typeof single !== 'string') return null;
	const text = single.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
	return text.length > 0 && fromBase64(text) !== null ? text : null;
}

// Codes made up on this side start with `client.` so that they never pass for one of NCALayer's.
const invalidReply = (message: string): SignOutcome => ({ kind: 'failed', code: 'client.invalid_reply', message });

export function readSignReply(reply: unknown): SignOutcome {
	if (!isRecord(reply)) return invalidReply('reply is not an object');
	if (reply.status === false) {
		const code = typeof reply.code === 'string' || typeof reply.code === 'number' ? String(reply.code) : 'unknown';
		return { kind: 'failed', code, message: typeof reply.message === 'string' ? reply.message : '' };
	}
	if (reply.status !== true || !isRecord(reply.body)) return invalidReply('reply has no status or body');
	// The user closing the key dialog is a success with nothing in it.
	if (reply.body.result === undefined || reply.body.result === null) return { kind: 'cancelled' };
	const cms = normaliseCms(reply.body.result);
	return cms ? { kind: 'signed', cms } : invalidReply('result is not Base64 CMS');
}

export async function signWithNcaLayer(input: NcaLayerSignInput): Promise<SignOutcome> {
	// Built before connecting: a bad owner rejects (async, so as a rejection) without a round trip.
	const request = JSON.stringify(buildSignRequest(input));
	const Impl = input.WebSocketImpl ?? globalThis.WebSocket;
	const { signal } = input;
	if (signal?.aborted) return { kind: 'cancelled' };

	return new Promise((resolve) => {
		let socket: WebSocket;
		try {
			socket = new Impl(input.url ?? NCALAYER_URL);
		} catch {
			// Some browsers refuse the constructor outright (blocked local address); same advice to the user.
			resolve({ kind: 'not_running' });
			return;
		}
		// 'connecting' → open → 'greeting' → version message → 'waiting' → answer.
		let stage: 'connecting' | 'greeting' | 'waiting' = 'connecting';
		let settled = false;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const arm = (ms: number) => {
			clearTimeout(timer);
			timer = setTimeout(() => finish({ kind: 'timeout' }), ms);
		};
		const onAbort = () => finish({ kind: 'cancelled' });

		function finish(outcome: SignOutcome) {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			signal?.removeEventListener('abort', onAbort);
			socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
			// Closing while still connecting aborts the handshake, so a timed-out attempt leaves nothing behind.
			if (socket.readyState === socket.CONNECTING || socket.readyState === socket.OPEN) socket.close(1000);
			resolve(outcome);
		}

		// A socket that never opened is NCALayer not running, or its local certificate not yet accepted
		// in this browser: the page cannot tell the two apart, and the advice is the same.
		const onGone = () =>
			finish(stage === 'connecting' ? { kind: 'not_running' } : { kind: 'failed', code: 'client.connection_lost', message: 'NCALayer closed the connection' });

		socket.onopen = () => {
			stage = 'greeting';
		};
		socket.onerror = onGone;
		socket.onclose = onGone;
		socket.onmessage = (event: MessageEvent) => {
			if (stage === 'greeting') {
				// The first message is the version greeting ({"result":{"version":…}}). It is the sign that
				// NCALayer is ready for a request; its content changes nothing we send, so it is not checked.
				stage = 'waiting';
				socket.send(request);
				arm(input.timeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS);
				return;
			}
			if (typeof event.data !== 'string') return finish(invalidReply('reply is not text'));
			let reply: unknown;
			try {
				reply = JSON.parse(event.data);
			} catch {
				return finish(invalidReply('reply is not JSON'));
			}
			finish(readSignReply(reply));
		};
		signal?.addEventListener('abort', onAbort, { once: true });
		arm(input.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
	});
}

/** NCALayer (or KAZTOKEN) behind the common signer interface. */
export function createNcaLayerSigner(options: NcaLayerOptions = {}): DocumentSigner {
	return { id: 'ncalayer', sign: (input) => signWithNcaLayer({ ...options, ...input }) };
}
