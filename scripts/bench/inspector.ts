/**
 * The heap of a portal started with `startPortal(…, { inspectPort })`, read through the V8
 * inspector: /proc shows a process's RSS but not how much of it is live JavaScript objects. A
 * garbage collection is forced before each reading, so two readings compare what is kept alive
 * rather than when the collector last ran.
 */
export interface MemoryReading {
	rss: number;
	heapUsed: number;
	/** Buffers and other memory outside the JS heap that JS objects hold on to. */
	external: number;
}

export interface Inspector {
	memory(): Promise<MemoryReading>;
	close(): Promise<void>;
}

export async function connectInspector(port: number, timeoutMs = 30_000): Promise<Inspector> {
	const deadline = Date.now() + timeoutMs;
	let targets: { webSocketDebuggerUrl: string }[] = [];
	while (targets.length === 0) {
		try {
			targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as typeof targets;
		} catch {
			if (Date.now() > deadline) throw new Error(`No inspector on port ${port}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
	await new Promise((resolve, reject) => {
		socket.addEventListener('open', resolve, { once: true });
		socket.addEventListener('error', () => reject(new Error(`The inspector on port ${port} refused the connection`)), { once: true });
	});
	type Answer = { id?: number; result?: { result?: { value?: unknown } }; error?: { message: string } };
	let lastId = 0;
	const waiting = new Map<number, (message: Answer) => void>();
	socket.addEventListener('message', (event) => {
		const message = JSON.parse(String(event.data)) as Answer;
		if (message.id !== undefined) waiting.get(message.id)?.(message);
	});
	const call = (method: string, params: Record<string, unknown> = {}) =>
		new Promise<unknown>((resolve, reject) => {
			const id = ++lastId;
			waiting.set(id, (message) => {
				waiting.delete(id);
				if (message.error) reject(new Error(`${method}: ${message.error.message}`));
				else resolve(message.result?.result?.value);
			});
			socket.send(JSON.stringify({ id, method, params }));
		});
	return {
		async memory() {
			await call('HeapProfiler.collectGarbage');
			const value = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
			const usage = JSON.parse(String(value)) as { rss: number; heapUsed: number; external: number };
			return { rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external };
		},
		// Detached before the portal stops: a process with a debugger attached waits for it at exit.
		close: () =>
			new Promise<void>((resolve) => {
				socket.addEventListener('close', () => resolve(), { once: true });
				socket.close();
			})
	};
}
