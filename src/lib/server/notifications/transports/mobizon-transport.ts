import type { DeliveryResult, OutgoingMessage, Transport } from '../transport.ts';
import { postToGateway } from './gateway-request.ts';
import { redact } from './redact.ts';

export interface MobizonTransportOptions {
	apiKey: string;
	/** Default https://api.mobizon.kz. */
	baseUrl?: string;
	/** Approved alpha sender name; Mobizon uses the account default when absent. */
	from?: string;
	fetch?: typeof fetch;
	timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

// Mobizon reply codes: 0 = accepted, 100 = accepted into a background queue, 30 = rate limited.
const ACCEPTED_CODES = new Set([0, 100]);
const RATE_LIMITED_CODE = 30;

export function createMobizonTransport(options: MobizonTransportOptions): Transport {
	if (!options.apiKey) throw new Error('Mobizon apiKey is required');
	const baseUrl = (options.baseUrl ?? 'https://api.mobizon.kz').replace(/\/+$/, '');
	// Checked here, without the key, so a bad setting fails at startup instead of in a URL error
	// that would carry the key.
	if (!URL.canParse(baseUrl)) throw new Error('Mobizon baseUrl is not a valid URL');
	const doFetch = options.fetch ?? fetch;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const secrets = [options.apiKey, encodeURIComponent(options.apiKey)];

	const url = new URL(`${baseUrl}/service/message/sendsmsmessage`);
	url.searchParams.set('output', 'json');
	url.searchParams.set('api', 'v1');
	// Mobizon only takes the key in the query string; it must never reach an error or a log.
	url.searchParams.set('apiKey', options.apiKey);
	const endpoint = url.href;

	return {
		name: 'mobizon',
		async send(message: OutgoingMessage): Promise<DeliveryResult> {
			if (message.channel !== 'sms') {
				return { status: 'failed', error: `mobizon transport cannot send ${message.channel} messages` };
			}
			const recipient = message.to.replace(/\D/g, '');
			if (!recipient) return { status: 'failed', error: 'recipient has no digits' };

			const body = new URLSearchParams({ recipient, text: message.text });
			if (options.from) body.set('from', options.from);

			const exchange = await postToGateway({ gateway: 'Mobizon', endpoint, body, timeoutMs, fetch: doFetch, secrets });
			if (exchange.kind === 'retry') return exchange.result;
			const { status, json: reply } = exchange;
			const parsed = reply as { code?: unknown; message?: unknown; data?: unknown } | null;
			const code = replyCode(parsed?.code);
			if (!Number.isInteger(code)) {
				return { status: 'retry', error: `Mobizon HTTP ${status}: reply has no code` };
			}
			if (ACCEPTED_CODES.has(code)) {
				const messageId = (parsed?.data as { messageId?: unknown } | undefined)?.messageId;
				return messageId === undefined || messageId === null
					? { status: 'sent' }
					: { status: 'sent', providerId: String(messageId) };
			}
			const error = redact(`Mobizon code ${code}: ${describeReply(parsed)}`, secrets);
			if (code === RATE_LIMITED_CODE) return { status: 'retry', error };
			return { status: 'failed', error };
		}
	};
}

function replyCode(value: unknown): number {
	if (typeof value === 'number') return value;
	// Tolerates a quoted number, but an empty string must not read as 0 (accepted).
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	return Number.NaN;
}

function describeReply(reply: { message?: unknown; data?: unknown } | null): string {
	const text = typeof reply?.message === 'string' && reply.message ? reply.message : 'no message';
	// Validation errors (code 1) name the offending field in `data`; worth keeping, briefly.
	const data = reply?.data;
	if (data && typeof data === 'object' && Object.keys(data).length > 0) {
		return `${text} ${JSON.stringify(data).slice(0, 200)}`;
	}
	return text;
}
