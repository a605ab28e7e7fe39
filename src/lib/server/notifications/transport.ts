/** One message on its way to a person: an SMS (to an E.164 number) or an email. */
export type Channel = 'sms' | 'email';

export interface OutgoingMessage {
	channel: Channel;
	/** E.164 phone number for SMS, an email address for email. */
	to: string;
	/** Email subject; SMS has none. */
	subject?: string;
	text: string;
}

/**
 * What happened to one delivery attempt: `sent` (accepted by the gateway or SMTP server), `retry`
 * (a temporary failure: network, rate limit, 5xx; try again later) or `failed` (permanent: bad number,
 * bad credentials; never retried).
 */
export type DeliveryResult =
	| { status: 'sent'; providerId?: string }
	| { status: 'retry'; error: string }
	| { status: 'failed'; error: string };

export interface Transport {
	readonly name: string;
	send(message: OutgoingMessage): Promise<DeliveryResult>;
}
