import type { DatabaseHandle } from '../db/client.ts';

/**
 * One LISTEN per process on a channel, fanned out to the open pages subscribed to a key (an
 * application, a conversation, a queue). Every instance hears every commit (PostgreSQL NOTIFY, or
 * PGlite's in-process one), so what is posted to one instance reaches pages connected to another.
 * A listener is told that something changed (with the little the notification carries); it reads
 * what it has not shown yet itself, so nothing is lost when notifications come together or the
 * connection was away (then everyone is told to look again, with `null`).
 */
export type KeyedListener<Detail> = (detail: Detail | null) => void;

export interface KeyedEvents<Detail> {
	subscribe(key: string, listener: KeyedListener<Detail>): Promise<() => void>;
	/** Open subscriptions, for the benchmark's memory figure and for tests. */
	size(): number;
}

/** What one notification means: which keys it concerns and what it tells them. */
export type ReadNotification<Detail> = (payload: string) => { keys: string[]; detail: Detail } | null;

export function createKeyedEvents<Detail>(handle: Pick<DatabaseHandle, 'listen'>, channel: string, read: ReadNotification<Detail>): KeyedEvents<Detail> {
	const listeners = new Map<string, Set<KeyedListener<Detail>>>();
	let listening: Promise<unknown> | null = null;
	const tell = (set: Iterable<KeyedListener<Detail>> | undefined, detail: Detail | null) => {
		for (const listener of set ?? []) {
			try {
				listener(detail);
			} catch (error) {
				console.error(`[realtime] a ${channel} listener failed:`, error instanceof Error ? error.message : error);
			}
		}
	};
	const start = () =>
		handle.listen(
			channel,
			(payload) => {
				let notification: ReturnType<ReadNotification<Detail>>;
				try {
					notification = read(payload);
				} catch {
					return;
				}
				for (const key of notification?.keys ?? []) tell(listeners.get(key), notification!.detail);
			},
			// Back after a lost connection: whatever was said meanwhile was not heard, so everyone looks.
			{ onResubscribe: () => tell([...listeners.values()].flatMap((set) => [...set]), null) }
		);
	return {
		async subscribe(key, listener) {
			listening ??= start().catch((error: unknown) => {
				listening = null;
				throw error;
			});
			await listening;
			let set = listeners.get(key);
			if (!set) listeners.set(key, (set = new Set()));
			set.add(listener);
			return () => {
				set.delete(listener);
				if (set.size === 0) listeners.delete(key);
			};
		},
		size: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0)
	};
}
