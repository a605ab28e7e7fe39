import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throw-away PostgreSQL server that a test may stop and start again, to see the app through a
 * database restart. The shared test server cannot be used for that: other test files run on it.
 */
export interface RestartablePostgres {
	url: string;
	/** `fast` ends the sessions with an error message; `immediate` drops them as a crash would. */
	stop(mode?: 'fast' | 'immediate'): Promise<void>;
	start(): Promise<void>;
	/** Freezes the server's processes: connections stay open and nothing answers, as in a network partition. */
	freeze(): void;
	thaw(): void;
	/** Stops the server and deletes its data directory. */
	destroy(): Promise<void>;
}

/** The newest installed PostgreSQL's binaries, or null when none is installed. */
export function postgresBinDir(): string | null {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((version) => existsSync(path.join(root, version, 'bin', 'pg_ctl'))) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	return newest ? path.join(root, newest, 'bin') : null;
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
	const port = await freePort();
	const dir = mkdtempSync(path.join(tmpdir(), 'atameken-restart-pg-'));
	const isRoot = process.getuid?.() === 0;
	if (isRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
		chownSync(dir, uid, gid);
	}
	// PostgreSQL refuses to run as root: use the postgres system user then. Asynchronous, so the
	// process under test keeps running while the server goes down and comes back.
	const run = (command: string, args: string[]) =>
		new Promise<void>((resolve, reject) => {
			const [file, fileArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
			execFile(file, fileArgs, (error, _stdout, stderr) => (error ? reject(new Error(`${command} failed: ${stderr || error.message}`)) : resolve()));
		});
	const pgCtl = (...args: string[]) => run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-w', ...args]);
	const start = () => pgCtl('-l', `${dir}/server.log`, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`, 'start');
	// The postmaster and its children (backends, background workers), postmaster first so that it
	// starts no new ones meanwhile.
	const serverProcesses = () => {
		const postmaster = Number(readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0]);
		const children = readdirSync('/proc')
			.filter((entry) => /^\d+$/.test(entry))
			.filter((pid) => {
				try {
					// The parent's pid is the second field after the parenthesised command name.
					return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
				} catch {
					return false;
				}
			})
			.map(Number);
		return [postmaster, ...children];
	};
	let frozen: number[] = [];
	const thaw = () => {
		for (const pid of frozen) {
			try {
				process.kill(pid, 'SIGCONT');
			} catch {
				// gone already
			}
		}
		frozen = [];
	};
	let isRunning = false;
	try {
		await run(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
		await start();
		isRunning = true;
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		async stop(mode = 'fast') {
			await pgCtl('-m', mode, 'stop');
			isRunning = false;
		},
		async start() {
			await start();
			isRunning = true;
		},
		freeze() {
			frozen = serverProcesses();
			for (const pid of frozen) process.kill(pid, 'SIGSTOP');
		},
		thaw,
		async destroy() {
			thaw();
			try {
				if (isRunning) await pgCtl('-m', 'immediate', 'stop');
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
