import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throw-away PostgreSQL server on a loopback port, for benchmarks. */
export interface TempPostgres {
	url: string;
	stop(): void;
}

function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	if (versions.length === 0) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
	return path.join(root, versions[0]!, 'bin');
}

export function startTempPostgres(port: number): TempPostgres {
	const bin = postgresBin();
	const dir = mkdtempSync(path.join(tmpdir(), 'atameken-bench-pg-'));
	const isRoot = process.getuid?.() === 0;
	if (isRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
		chownSync(dir, uid, gid);
	}
	// PostgreSQL refuses to run as root: use the postgres system user then.
	const run = (command: string, args: string[]) => {
		const result = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' }) : spawnSync(command, args, { stdio: 'pipe' });
		if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString()}`);
	};
	run(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
	run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start']);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop() {
			try {
				run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
