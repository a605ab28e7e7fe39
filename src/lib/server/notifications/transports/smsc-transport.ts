import type { DeliveryResult, OutgoingMessage, Transport } from '../transport.ts';
import { postToGateway } from './gateway-request.ts';
import { redact } from './redact.ts';

export interface SmscTransportOptions {
	login: string;
	password: string;
	/** Default https://smsc.kz. */
	baseUrl?: string;
	/** Approved sender name; SMSC uses the account default when absent. */
	sender?: string;
	fetch?: typeof fetch;
	timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

// SMSC error_code values that clear up on their own: 4 = client IP blocked for a while after
// too many errors, 9 = too many identical requests in a short time.
const TRANSIENT_ERROR_CODES = new Set([4, 9]);

export function createSmscTransport(options: SmscTransportOptions): Transport {
	if (!options.login || !options.password) throw new Error('SMSC login and password are required');
	const baseUrl = (options.baseUrl ?? 'https://smsc.kz').replace(/\/+$/, '');
	if (!URL.canParse(baseUrl)) throw new Error('SMSC baseUrl is not a valid URL');
	const endpoint = new URL(`${baseUrl}/sys/send.php`).href;
	const doFetch = options.fetch ?? fetch;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const secrets = [options.password, encodeURIComponent(options.password)];

	return {
		name: 'smsc',
		async send(message: OutgoingMessage): Promise<DeliveryResult> {
			if (message.channel !== 'sms') {
				return { status: 'failed', error: `smsc transport cannot send ${message.channel} messages` };
			}
			const phones = message.to.replace(/\D/g, '');
			if (!phones) return { status: 'failed', error: 'recipient has no digits' };

			// POST form body rather than the documented query string: a password in a URL ends up in
			// proxy and access logs.
			const body = new URLSearchParams({
				login: options.login,
				psw: options.password,
				phones,
				mes: message.text,
				charset: 'utf-8',
				fmt: '3'
			});
			if (options.sender) body.set('sender', options.sender);

			const exchange = await postToGateway({ gateway: 'SMSC', endpoint, body, timeoutMs, fetch: doFetch, secrets });
			if (exchange.kind === 'retry') return exchange.result;
			const { status, json: reply } = exchange;
			const parsed = (typeof reply === 'object' && reply !== null ? reply : {}) as {
				id?: unknown;
				error?: unknown;
				error_code?: unknown;
			};

			if (parsed.error !== undefined || parsed.error_code !== undefined) {
				const code = Number(parsed.error_code);
				const text = typeof parsed.error === 'string' && parsed.error ? parsed.error : 'no description';
				const error = redact(`SMSC error ${Number.isFinite(code) ? code : '?'}: ${text}`, secrets);
				if (TRANSIENT_ERROR_CODES.has(code)) return { status: 'retry', error };
				// 1 parameters, 2 credentials, 3 funds, 5 date format, 6 message forbidden, 7 phone
				// format, 8 undeliverable, and anything newer: a retry would get the same answer.
				return { status: 'failed', error };
			}
			if (typeof parsed.id === 'number' || (typeof parsed.id === 'string' && parsed.id !== '')) {
				return { status: 'sent', providerId: String(parsed.id) };
			}
			return { status: 'retry', error: `SMSC HTTP ${status}: reply has neither id nor error` };
		}
	};
}
