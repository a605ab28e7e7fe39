import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { Channel, DeliveryResult, OutgoingMessage, Transport } from '../transport.ts';

/** One line of the outbox file: what a development or test setup "sent" instead of a real gateway. */
export interface OutboxEntry {
	channel: Channel;
	to: string;
	subject: string | null;
	text: string;
	at: string;
}

export function createFileTransport(filePath: string): Transport {
	return {
		name: 'file',
		async send(message: OutgoingMessage): Promise<DeliveryResult> {
			const entry: OutboxEntry = {
				channel: message.channel,
				to: message.to,
				// SMS has no subject; null (not a missing key) keeps every line the same shape for readers.
				subject: message.channel === 'email' ? (message.subject ?? '') : null,
				text: message.text,
				at: new Date().toISOString()
			};
			try {
				// Checked on every send because a developer may delete the outbox directory while the server runs.
				await fs.mkdir(dirname(filePath), { recursive: true });
				// One appendFile per entry: O_APPEND keeps lines from concurrent sends whole.
				await fs.appendFile(filePath, `${JSON.stringify(entry)}\n`, 'utf8');
				return { status: 'sent' };
			} catch (err) {
				// A full disk or a permissions slip is fixable without losing the message.
				return { status: 'retry', error: `outbox write failed: ${(err as Error).message}` };
			}
		}
	};
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		(v.channel === 'sms' || v.channel === 'email') &&
		typeof v.to === 'string' &&
		(typeof v.subject === 'string' || v.subject === null) &&
		typeof v.text === 'string' &&
		typeof v.at === 'string'
	);
}

/** The newest `limit` entries of the outbox, newest first; [] when nothing was sent yet. */
export async function readOutboxFile(filePath: string, limit = 200): Promise<OutboxEntry[]> {
	let content: string;
	try {
		content = await fs.readFile(filePath, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw err;
	}
	const entries: OutboxEntry[] = [];
	const lines = content.split('\n');
	// Walk from the end so a long outbox costs only `limit` parses.
	for (let i = lines.length - 1; i >= 0 && entries.length < limit; i--) {
		const line = lines[i]?.trim();
		if (!line) continue;
		try {
			const parsed: unknown = JSON.parse(line);
			// A line cut short by a crash mid-write, or edited by hand, must not hide the rest.
			if (isOutboxEntry(parsed)) entries.push(parsed);
		} catch {
			continue;
		}
	}
	return entries;
}
