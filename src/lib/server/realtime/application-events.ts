import { APPLICATION_EVENT_CHANNEL } from '../applications/apply-transition.ts';
import type { DatabaseHandle } from '../db/client.ts';

/**
 * One LISTEN per process on the applications' channel, fanned out to the open pages of each
 * application. Every instance hears every commit (PostgreSQL NOTIFY, or PGlite's in-process one),
 * so a message posted to one instance reaches pages connected to another. A listener is only told
 * that something changed: it reads what it has not shown yet itself, so nothing is lost when
 * notifications come together or the connection was away (then everyone is told to look again).
 */
export type ApplicationListener = () => void;

export interface ApplicationEvents {
	subscribe(applicationId: number, listener: ApplicationListener): Promise<() => void>;
	/** Open subscriptions, for the benchmark's memory figure and for tests. */
	size(): number;
}

export function createApplicationEvents(handle: Pick<DatabaseHandle, 'listen'>): ApplicationEvents {
	const listeners = new Map<number, Set<ApplicationListener>>();
	let listening: Promise<unknown> | null = null;
	const tell = (set: Iterable<ApplicationListener> | undefined) => {
		for (const listener of set ?? []) {
			try {
				listener();
			} catch (error) {
				console.error('[realtime] a listener failed:', error instanceof Error ? error.message : error);
			}
		}
	};
	const start = () =>
		handle.listen(
			APPLICATION_EVENT_CHANNEL,
			(payload) => {
				let applicationId: unknown;
				try {
					applicationId = (JSON.parse(payload) as { applicationId?: unknown }).applicationId;
				} catch {
					return;
				}
				if (typeof applicationId === 'number') tell(listeners.get(applicationId));
			},
			// Back after a lost connection: whatever was said meanwhile was not heard, so everyone looks.
			{ onResubscribe: () => tell([...listeners.values()].flatMap((set) => [...set])) }
		);
	return {
		async subscribe(applicationId, listener) {
			listening ??= start().catch((error: unknown) => {
				listening = null;
				throw error;
			});
			await listening;
			let set = listeners.get(applicationId);
			if (!set) listeners.set(applicationId, (set = new Set()));
			set.add(listener);
			return () => {
				set.delete(listener);
				if (set.size === 0) listeners.delete(applicationId);
			};
		},
		size: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0)
	};
}
