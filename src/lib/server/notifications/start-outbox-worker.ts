import path from 'node:path';
import type { AppConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { loggableMessage } from '../log.ts';
import { deliverDueMessages, OUTBOX_CHANNEL, type Transports } from './outbox.ts';
import { createFileTransport } from './transports/file-transport.ts';
import { createMobizonTransport } from './transports/mobizon-transport.ts';
import { createSmscTransport } from './transports/smsc-transport.ts';
import { createSmtpTransport } from './transports/smtp-transport.ts';

export const outboxFilePath = (config: AppConfig) => path.join(config.DATA_DIR, 'outbox.jsonl');

/** Real gateways when configured; otherwise every message goes to `$DATA_DIR/outbox.jsonl`. */
export function transportsFromConfig(config: AppConfig): Transports {
	const file = createFileTransport(outboxFilePath(config));
	const sms =
		config.SMS_PROVIDER === 'mobizon'
			? createMobizonTransport({ apiKey: config.MOBIZON_API_KEY!, baseUrl: config.MOBIZON_API_URL, from: config.MOBIZON_FROM })
			: config.SMS_PROVIDER === 'smsc'
				? createSmscTransport({ login: config.SMSC_LOGIN!, password: config.SMSC_PASSWORD!, baseUrl: config.SMSC_API_URL, sender: config.SMSC_SENDER })
				: file;
	const email = config.SMTP_URL ? createSmtpTransport({ url: config.SMTP_URL, from: config.SMTP_FROM }) : file;
	return { sms, email };
}

/**
 * Drains the outbox in this process: at once when a transaction queues a message (NOTIFY), and
 * every few seconds for retries and anything missed. Returns a function that stops it.
 */
export async function startOutboxWorker(handle: DatabaseHandle, transports: Transports, intervalMs = 2000): Promise<() => Promise<void>> {
	let running: Promise<void> | null = null;
	let isStopped = false;
	const drain = () => {
		if (running || isStopped) return;
		running = (async () => {
			try {
				while (!isStopped && (await deliverDueMessages(handle.db, transports)) > 0) {
					// keep going while there is work
				}
			} catch (error) {
				console.error('[outbox] delivery round failed:', loggableMessage(error));
			} finally {
				running = null;
			}
		})();
	};
	const unlisten = await handle.listen(OUTBOX_CHANNEL, () => setTimeout(drain, 0));
	const timer = setInterval(drain, intervalMs);
	timer.unref();
	drain();
	return async () => {
		isStopped = true;
		clearInterval(timer);
		await unlisten();
		await running;
	};
}
