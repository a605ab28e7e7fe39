import path from 'node:path';
import type { AppConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { loggableMessage } from '../log.ts';
import { claimDueMessages, OUTBOX_CHANNEL, sendClaimed, type Transports } from './outbox.ts';
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

/** Messages one process sends at the same time. */
export const OUTBOX_SENDS_IN_FLIGHT = 4;

/**
 * Drains the outbox in this process: at once when a transaction queues a message (NOTIFY), and
 * every few seconds for retries, expired leases and anything missed. Up to OUTBOX_SENDS_IN_FLIGHT
 * lanes each claim and send one message at a time, so a message waiting on a slow gateway holds
 * up neither the database nor the messages behind it. Returns a function that stops it and waits
 * for the sends under way.
 */
export async function startOutboxWorker(handle: DatabaseHandle, transports: Transports, intervalMs = 2000): Promise<() => Promise<void>> {
	const lanes = new Set<Promise<void>>();
	let isStopped = false;
	// A wake-up that came while every lane was taken. One of those lanes may already have found the
	// outbox empty and be on its way out, so the wake-up is kept and answered when a lane ends;
	// otherwise a message queued at that moment would wait for the next tick.
	let isWanted = false;
	const drain = () => {
		if (isStopped) return;
		if (lanes.size >= OUTBOX_SENDS_IN_FLIGHT) {
			isWanted = true;
			return;
		}
		isWanted = false;
		const lane = (async () => {
			try {
				while (!isStopped) {
					const claim = await claimDueMessages(handle.db, new Date(), 1);
					if (claim.messages.length === 0) break;
					// There was work, so there may be more: another lane looks while this one sends.
					drain();
					await sendClaimed(handle.db, transports, claim);
				}
			} catch (error) {
				console.error('[outbox] delivery failed:', loggableMessage(error));
			}
		})();
		lanes.add(lane);
		void lane.finally(() => {
			lanes.delete(lane);
			if (isWanted) drain();
		});
	};
	// After a lost connection comes back, messages queued meanwhile are sent at once, not at the next tick.
	const unlisten = await handle.listen(OUTBOX_CHANNEL, () => setTimeout(drain, 0), { onResubscribe: () => void setTimeout(drain, 0) });
	const timer = setInterval(drain, intervalMs);
	timer.unref();
	drain();
	return async () => {
		isStopped = true;
		clearInterval(timer);
		await unlisten();
		await Promise.all(lanes);
	};
}
