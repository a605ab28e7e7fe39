import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface LoadResult {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
}

export async function load(url: string, connections = 50, duration = 10): Promise<LoadResult> {
	const result = await autocannon({ url, connections, duration });
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx
	};
}

export async function waitForServer(url: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * The built portal in a process of its own. With `inspectPort` it listens for the inspector on
 * that loopback port, so the bench can read its heap (`inspector.ts`); the inspector's own notices
 * on stderr are left out of the report.
 */
export function startPortal(port: number, env: Record<string, string>, options: { inspectPort?: number } = {}): ChildProcess {
	const args = options.inspectPort ? [`--inspect=127.0.0.1:${options.inspectPort}`, 'server/index.ts'] : ['server/index.ts'];
	const child = spawn(process.execPath, args, {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', APP_MODE: 'demo', ...env },
		stdio: ['ignore', 'ignore', options.inspectPort ? 'pipe' : 'inherit']
	});
	if (options.inspectPort) {
		let rest = '';
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
			const lines = (rest + chunk).split('\n');
			rest = lines.pop()!;
			for (const line of lines) if (!/^(Debugger (listening|attached|ending)|For help, see: |Waiting for the debugger)/.test(line)) process.stderr.write(`${line}\n`);
		});
	}
	return child;
}

/** A bare node:http server in its own process answering every request with the same bytes. */
export function startBareServer(port: number, body: Buffer): ChildProcess {
	const file = path.join(tmpdir(), `atameken-bench-body-${port}.html`);
	writeFileSync(file, body);
	const source = `const body=require('fs').readFileSync(${JSON.stringify(file)});require('http').createServer((q,r)=>{r.writeHead(200,{'content-type':'text/html; charset=utf-8','content-length':body.length});r.end(body)}).listen(${port},'127.0.0.1')`;
	return spawn(process.execPath, ['-e', source], { stdio: 'ignore' });
}

export async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	await new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}

export function percentile(sorted: number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface LatencyStats {
	requests: number;
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
}

export function stats(latencies: number[], errors: number, elapsedMs: number): LatencyStats {
	const sorted = [...latencies].sort((a, b) => a - b);
	return {
		requests: sorted.length,
		requestsPerSecond: sorted.length / (elapsedMs / 1000),
		p50: percentile(sorted, 0.5),
		p95: percentile(sorted, 0.95),
		p99: percentile(sorted, 0.99),
		errors
	};
}

/**
 * Each request to the next of the targets in turn, signed in with its session token when it has
 * one. Latencies come from every response rather than autocannon's histogram, which has no p95.
 */
export async function loadAsUsers(port: number, targets: { path: string; token?: string }[], connections: number, duration: number): Promise<LatencyStats> {
	const latencies: number[] = [];
	let failed = 0;
	let next = 0;
	const started = performance.now();
	const result = await autocannon({
		url: `http://127.0.0.1:${port}`,
		connections,
		duration,
		requests: [
			{
				setupRequest: (request) => {
					const target = targets[next++ % targets.length]!;
					return { ...request, path: target.path, headers: target.token ? { ...request.headers, cookie: `session=${target.token}` } : request.headers };
				}
			}
		],
		setupClient: (client) => {
			client.on('response', (statusCode: number, _bytes: number, responseTime: number) => {
				latencies.push(responseTime);
				if (statusCode !== 200) failed++;
			});
		}
	});
	return stats(latencies, failed + result.errors + result.timeouts, performance.now() - started);
}

const CLOCK_TICKS = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
	} catch {
		return 100;
	}
})();

/**
 * CPU time a process and the processes it started (cluster workers) have used so far, all their
 * threads, user and system, in ms. Linux only, as the rest of the bench.
 */
export function cpuOf(pid: number): number {
	let total = 0;
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		total = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
		for (const task of readdirSync(`/proc/${pid}/task`)) {
			const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			for (const child of children ? children.split(' ') : []) total += cpuOf(Number(child));
		}
	} catch {
		// The process ended meanwhile.
	}
	return total;
}

export interface MeasuredLoad extends LatencyStats {
	/** The server process's CPU time per answered request: unlike latency, it hardly depends on how busy the machine is. */
	cpuMsPerRequest: number;
	/** The server's CPU over wall time, 100% being one core. */
	cpuShare: number;
}

/**
 * `loadAsUsers` with the CPU the server process `pid` spent meanwhile, after `warmupSeconds` of
 * the same load left out of the figures: the first second of a page's traffic is spent compiling
 * its code and filling caches, which says nothing about the rate the server keeps up.
 */
export async function measureLoad(port: number, pid: number, targets: { path: string; token?: string }[], connections: number, duration: number, warmupSeconds = 2): Promise<MeasuredLoad> {
	if (warmupSeconds > 0) await loadAsUsers(port, targets, connections, warmupSeconds);
	const [cpuBefore, wallBefore] = [cpuOf(pid), performance.now()];
	const result = await loadAsUsers(port, targets, connections, duration);
	const [cpu, wall] = [cpuOf(pid) - cpuBefore, performance.now() - wallBefore];
	return { ...result, cpuMsPerRequest: cpu / Math.max(1, result.requests), cpuShare: cpu / wall };
}

/** The 1, 5 and 15 minute load averages, for the record: on a shared machine latency is mostly queueing. */
export const loadAverage = () => loadavg().map((value) => value.toFixed(2)).join(' / ');
