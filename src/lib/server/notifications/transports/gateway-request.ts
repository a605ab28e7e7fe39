import type { DeliveryResult } from '../transport.ts';
import { redact } from './redact.ts';

export interface GatewayRequest {
	/** Name used in error texts ("Mobizon", "SMSC"). */
	gateway: string;
	endpoint: string;
	body: URLSearchParams;
	timeoutMs: number;
	fetch: typeof fetch;
	/** Credentials that must never appear in an error text, even when the gateway echoes them. */
	secrets: string[];
}

/** The gateway answered with JSON, which the caller interprets; or the attempt is to be retried. */
export type GatewayReply = { kind: 'reply'; status: number; json: unknown } | { kind: 'retry'; result: DeliveryResult };

/**
 * Posts a form to an SMS gateway. Network failures, timeouts (also while reading the body),
 * 5xx and 429 answers and non-JSON replies are all temporary: they come back as a retry.
 */
export async function postToGateway(request: GatewayRequest): Promise<GatewayReply> {
	const retry = (error: string): GatewayReply => ({ kind: 'retry', result: { status: 'retry', error: redact(error, request.secrets) } });
	let status: number;
	let raw: string;
	try {
		const response = await request.fetch(request.endpoint, { method: 'POST', body: request.body, signal: AbortSignal.timeout(request.timeoutMs) });
		status = response.status;
		// Read under the same signal: a gateway that sends headers and then stalls is still a timeout.
		raw = await response.text();
	} catch (err) {
		return retry(describeFetchError(request.gateway, err, request.timeoutMs));
	}
	if (status >= 500 || status === 429) return retry(`${request.gateway} HTTP ${status}`);
	try {
		return { kind: 'reply', status, json: JSON.parse(raw) };
	} catch {
		// An HTML error page from a proxy in front of the gateway, most likely; it passes.
		return retry(`${request.gateway} HTTP ${status}: reply is not JSON`);
	}
}

function describeFetchError(gateway: string, err: unknown, timeoutMs: number): string {
	if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
		return `${gateway} request timed out after ${timeoutMs} ms`;
	}
	// undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, …) in `cause`.
	const cause = (err as { cause?: { code?: string; message?: string } } | null)?.cause;
	const detail = cause?.code ?? cause?.message;
	const base = err instanceof Error ? err.message : String(err);
	return `${gateway} request failed: ${detail ? `${base} (${detail})` : base}`;
}
