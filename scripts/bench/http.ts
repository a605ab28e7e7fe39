import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

export function startPortal(port: number, env: Record<string, string>): ChildProcess {
	const child = spawn(process.execPath, ['server/index.ts'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', APP_MODE: 'demo', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
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
