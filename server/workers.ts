import cluster from 'node:cluster';

/**
 * Runs the portal in `count` processes sharing one port, for machines with more than one core.
 * The first process alone applies migrations and demo data; the others start once it listens.
 * A process that dies is replaced; one that cannot start stops the whole server, since the others
 * would fail the same way.
 */
export function superviseWorkers(count: number): void {
	let isStopping = false;
	const listening = new Set<number>();
	cluster.on('listening', (worker) => {
		const isFirst = listening.size === 0;
		listening.add(worker.id);
		if (isFirst) for (let index = 1; index < count; index++) cluster.fork();
		if (listening.size === count) console.log(`${count} server processes are serving.`);
	});
	cluster.on('exit', (worker, code, signal) => {
		const wasServing = listening.delete(worker.id);
		if (isStopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			return;
		}
		if (!wasServing) {
			console.error(`A server process could not start (exit code ${code ?? signal}); stopping.`);
			stopAll();
			process.exitCode = 1;
			return;
		}
		console.error(`Server process ${worker.process.pid} ended (${signal ?? code}); starting another.`);
		cluster.fork();
	});
	function stopAll() {
		isStopping = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
	}
	process.on('SIGTERM', stopAll);
	process.on('SIGINT', stopAll);
	cluster.fork();
}
