import { APPLICATION_EVENT_CHANNEL } from '../applications/apply-transition.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createKeyedEvents } from './keyed-events.ts';

/** The open pages of each application, told when its thread or status changes (see `keyed-events.ts`). */
export type ApplicationListener = () => void;

export interface ApplicationEvents {
	subscribe(applicationId: number, listener: ApplicationListener): Promise<() => void>;
	/** Open subscriptions, for the benchmark's memory figure and for tests. */
	size(): number;
}

export function createApplicationEvents(handle: Pick<DatabaseHandle, 'listen'>): ApplicationEvents {
	const events = createKeyedEvents<null>(handle, APPLICATION_EVENT_CHANNEL, (payload) => {
		const applicationId = (JSON.parse(payload) as { applicationId?: unknown }).applicationId;
		return typeof applicationId === 'number' ? { keys: [String(applicationId)], detail: null } : null;
	});
	return {
		subscribe: (applicationId, listener) => events.subscribe(String(applicationId), () => listener()),
		size: () => events.size()
	};
}
