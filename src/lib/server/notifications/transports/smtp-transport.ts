import { createTransport } from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import type { DeliveryResult, OutgoingMessage, Transport } from '../transport.ts';
import { redact } from './redact.ts';

// Nodemailer codes for errors that say nothing about the message itself: the connection broke or
// never came up, so the same message can go through later.
const TRANSIENT_CODES = new Set([
	'ECONNECTION',
	'ETIMEDOUT',
	'ESOCKET',
	'EDNS',
	'ETLS',
	'EPROXY',
	'ECONNREFUSED',
	'ECONNRESET',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EPIPE'
]);

export interface SmtpTransportOptions {
	/** e.g. `smtp://user:pass@mail.example.kz:587` or `smtps://…:465`. */
	url: string;
	/** Envelope and header sender, e.g. `"E-services" <noreply@example.kz>`. */
	from: string;
}

export function createSmtpTransport(options: SmtpTransportOptions): Transport {
	// Bounded waits: a claimed message is leased for two minutes, and with nodemailer's defaults
	// (minutes) a dead mail server would outlast the lease and the message would go out twice.
	const mailer = createTransport({ url: options.url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
	const secrets = urlSecrets(options.url);

	return {
		name: 'smtp',
		async send(message: OutgoingMessage): Promise<DeliveryResult> {
			if (message.channel !== 'email') {
				return { status: 'failed', error: `smtp transport cannot send ${message.channel} messages` };
			}
			try {
				const info = await mailer.sendMail({
					from: options.from,
					to: message.to,
					subject: message.subject ?? '',
					text: message.text
				});
				return { status: 'sent', providerId: info.messageId };
			} catch (err) {
				return classify(err as NodemailerError, secrets);
			}
		}
	};
}

function classify(err: NodemailerError, secrets: string[]): DeliveryResult {
	const error = redact(err.message || String(err), secrets);
	const responseCode = err.responseCode;
	if (typeof responseCode === 'number') {
		// RFC 5321: 4yz is transient, 5yz permanent. 503 (bad sequence of commands) is a session
		// state problem, not a verdict on the message, so a fresh connection may well succeed.
		if (responseCode >= 500 && responseCode !== 503) return { status: 'failed', error };
		return { status: 'retry', error };
	}
	const code = err.code ?? '';
	if (TRANSIENT_CODES.has(code) || TRANSIENT_CODES.has(err.originalCode ?? '')) {
		return { status: 'retry', error };
	}
	// Left: bad addresses, configuration and credentials problems, which a retry would only repeat.
	return { status: 'failed', error };
}

// Nodemailer does not echo the URL today; redacting anyway keeps an SMTP password out of the
// delivery log should a future error message include it.
function urlSecrets(url: string): string[] {
	try {
		const password = new URL(url).password;
		if (!password) return [];
		return [password, decodeURIComponent(password)];
	} catch {
		return [];
	}
}
