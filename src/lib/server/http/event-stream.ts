/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

export type Send = (event: string, data: unknown, id?: number) => void;

/**
 * A Server-Sent Events response: `subscribe` registers the listener with the fan-out, and `update`
 * runs once at the start and again on every notification (one at a time, in order, so notifications
 * that come together are answered by one read). `everyMinute` runs while the page stays open.
 */
export function eventStream<Detail>(
	request: Request,
	options: { subscribe: (listener: (detail: Detail | null) => void) => Promise<() => void>; update: (send: Send, detail: Detail | null) => Promise<void>; everyMinute?: () => Promise<unknown> }
): Response {
	const encoder = new TextEncoder();
	let unsubscribe: (() => void) | null = null;
	const timers: ReturnType<typeof setInterval>[] = [];
	let pending = Promise.resolve();
	let isClosed = false;
	const stop = () => {
		isClosed = true;
		unsubscribe?.();
		for (const timer of timers) clearInterval(timer);
	};
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const write = (text: string) => {
				if (!isClosed) controller.enqueue(encoder.encode(text));
			};
			const send: Send = (event, data, id) => write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
			const run = (detail: Detail | null) => {
				pending = pending.then(async () => {
					if (isClosed) return;
					try {
						await options.update(send, detail);
					} catch (error) {
						// The database away for a moment: the next notification or the browser's reconnect catches up.
						console.error('[realtime] could not read for a live page:', error instanceof Error ? error.message : error);
					}
				});
			};
			write('retry: 3000\n\n');
			unsubscribe = await options.subscribe(run);
			timers.push(setInterval(() => write(': still here\n\n'), HEARTBEAT_MS));
			if (options.everyMinute) timers.push(setInterval(() => void options.everyMinute!().catch(() => undefined), 60_000));
			run(null);
		},
		cancel: stop
	});
	request.signal.addEventListener('abort', stop);
	return new Response(stream, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' } });
}
