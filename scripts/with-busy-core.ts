/**
 * Runs a command while another process keeps one CPU core busy for the whole run, to see that the
 * test suite holds on a loaded machine:
 *
 *   node scripts/with-busy-core.ts npm test
 *
 * The load is a separate process (not a thread of this one), so it competes for the CPU exactly as
 * an unrelated program on a developer's laptop or a shared CI host would. Prints how long the
 * command took and exits with its exit code.
 */
import { spawn } from 'node:child_process';

const command = process.argv.slice(2);
if (command.length === 0) {
	console.error('usage: node scripts/with-busy-core.ts <command> [arguments…]');
	process.exit(2);
}

// A tight loop with no I/O: one core at 100 % until it is killed.
const spinner = spawn(process.execPath, ['-e', 'for (let x = 0; ; x = (x + 1) % 1e9);'], { stdio: 'ignore' });
const startedAt = Date.now();
const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', shell: false });

function stop(code: number) {
	spinner.kill('SIGKILL');
	const seconds = Math.round((Date.now() - startedAt) / 1000);
	console.log(`\n[with-busy-core] ${command.join(' ')} exited with ${code} after ${Math.floor(seconds / 60)} min ${seconds % 60} s, one core kept busy throughout`);
	process.exit(code);
}

child.on('exit', (code, signal) => stop(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
