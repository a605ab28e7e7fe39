import type { Database } from '../db/client.ts';
import { loggableMessage } from '../log.ts';
import { remindUnreadMessages, type ApplicationThreadLink } from './remind-unread-messages.ts';

/** How often unread threads are looked at: a reminder goes out at most this long after it is due. */
export const UNREAD_REMINDER_INTERVAL_MS = 60_000;

/**
 * Reminds of unread messages every minute in this process. Every instance runs it: a round claims
 * each reminder in the database, so two instances never send the same one. A round still running
 * when the next is due is not doubled. `minutes` 0 starts nothing. Returns a function that stops it
 * and waits for a round under way, so the database is not closed beneath it.
 */
export function startUnreadReminders(db: Database, options: { minutes: number; threadLink: ApplicationThreadLink; intervalMs?: number; clock?: () => Date }): () => Promise<void> {
	if (options.minutes <= 0) return async () => {};
	const clock = options.clock ?? (() => new Date());
	let round: Promise<void> | null = null;
	let isStopped = false;
	const run = () => {
		if (isStopped || round) return;
		round = remindUnreadMessages(db, { now: clock(), minutes: options.minutes, threadLink: options.threadLink })
			.then(
				() => undefined,
				(error: unknown) => console.error('[reminders] unread-message reminders failed:', loggableMessage(error))
			)
			.finally(() => {
				round = null;
			});
	};
	const timer = setInterval(run, options.intervalMs ?? UNREAD_REMINDER_INTERVAL_MS);
	timer.unref();
	return async () => {
		isStopped = true;
		clearInterval(timer);
		await round;
	};
}
