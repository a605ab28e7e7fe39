import { describe, expect, it, vi } from 'vitest';
import { createApplicationEvents } from './application-events.ts';

function fakeHandle() {
	const channels: { channel: string; onNotify: (payload: string) => void; onResubscribe?: () => void }[] = [];
	return {
		channels,
		listen: vi.fn(async (channel: string, onNotify: (payload: string) => void, options?: { onResubscribe?: () => void }) => {
			channels.push({ channel, onNotify, onResubscribe: options?.onResubscribe as (() => void) | undefined });
			return async () => undefined;
		})
	};
}

describe('the applications fan-out', () => {
	it('listens once, tells only the pages of the application that changed, and forgets closed ones', async () => {
		const handle = fakeHandle();
		const events = createApplicationEvents(handle);
		const [one, two, other] = [vi.fn(), vi.fn(), vi.fn()];
		const stopOne = await events.subscribe(7, one);
		await events.subscribe(7, two);
		await events.subscribe(8, other);
		expect(handle.listen).toHaveBeenCalledTimes(1);
		expect(handle.channels[0]!.channel).toBe('application_event');
		expect(events.size()).toBe(3);

		handle.channels[0]!.onNotify(JSON.stringify({ applicationId: 7, messageId: 1 }));
		expect([one.mock.calls.length, two.mock.calls.length, other.mock.calls.length]).toEqual([1, 1, 0]);
		stopOne();
		handle.channels[0]!.onNotify(JSON.stringify({ applicationId: 7, messageId: 2 }));
		expect([one.mock.calls.length, two.mock.calls.length]).toEqual([1, 2]);
		expect(events.size()).toBe(2);
	});

	it('ignores payloads it cannot read, and tells everyone to look again after the connection came back', async () => {
		const handle = fakeHandle();
		const events = createApplicationEvents(handle);
		const [one, other] = [vi.fn(), vi.fn()];
		await events.subscribe(1, one);
		await events.subscribe(2, other);
		handle.channels[0]!.onNotify('not json');
		handle.channels[0]!.onNotify(JSON.stringify({ applicationId: '1' }));
		expect(one).not.toHaveBeenCalled();
		handle.channels[0]!.onResubscribe!();
		expect([one.mock.calls.length, other.mock.calls.length]).toEqual([1, 1]);
	});
});
