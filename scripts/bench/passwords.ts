import { performance } from 'node:perf_hooks';
import { ARGON2_PARAMETERS, hashPassword, verifyPassword } from '../../src/lib/server/accounts/password.ts';

/**
 * argon2id cost with the portal's parameters, on one core (one Node thread): hashes per second,
 * time per sign-in check, and the memory taken when many sign-ins are checked at once.
 */
export async function benchPasswords(count = 30, concurrency = 20) {
	const hash = await hashPassword('benchmark pass phrase');
	const hashStarted = performance.now();
	for (let i = 0; i < count; i++) await hashPassword(`benchmark pass phrase ${i}`);
	const hashMs = (performance.now() - hashStarted) / count;

	const verifyStarted = performance.now();
	for (let i = 0; i < count; i++) await verifyPassword('benchmark pass phrase', hash);
	const verifyMs = (performance.now() - verifyStarted) / count;

	globalThis.gc?.();
	const before = process.memoryUsage().rss;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	await Promise.all(Array.from({ length: concurrency }, () => verifyPassword('benchmark pass phrase', hash)));
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	return {
		parameters: `m=${ARGON2_PARAMETERS.memorySize} KiB, t=${ARGON2_PARAMETERS.iterations}, p=${ARGON2_PARAMETERS.parallelism}`,
		hashMs,
		verifyMs,
		loginsPerSecondPerCore: 1000 / verifyMs,
		concurrency,
		memoryGrowthMiB: (peak - before) / 1024 / 1024
	};
}
