import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMETERS, checkPassword, hashPassword, needsRehash, passwordHashingStats, verifyPassword } from './password.ts';
import { HashWorkerPool } from './password-workers.ts';

describe('checkPassword', () => {
	it('accepts long passphrases of any kind, including 64 characters and more', () => {
		expect(checkPassword('тау өзені жазда суық')).toBeNull();
		expect(checkPassword('x'.repeat(40) + 'Ё'.repeat(30))).toBeNull();
		expect(checkPassword('correct horse battery staple')).toBeNull();
	});

	it('refuses short, common and very long passwords', () => {
		expect(checkPassword('Ab1!')).toBe('too_short');
		expect(checkPassword('1234567')).toBe('too_short');
		expect(checkPassword('password1')).toBe('too_common');
		expect(checkPassword('QWERTY123')).toBe('too_common');
		expect(checkPassword('a'.repeat(257))).toBe('too_long');
	});

	it('refuses the account’s own IIN/BIN, phone and name, and the portal’s name', () => {
		expect(checkPassword('my871008401427', { login: '871008401427' })).toBe('contains_identifier');
		expect(checkPassword('x7011234567y', { phone: '+77011234567' })).toBe('contains_identifier');
		expect(checkPassword('Aigerim-2024!', { names: ['Aigerim', null] })).toBe('contains_name');
		expect(checkPassword('Atameken2026!')).toBe('contains_portal_word');
	});
});

describe('password hashing', () => {
	it('verifies the right password only, with salted argon2id at the set parameters', async () => {
		const hash = await hashPassword('тау өзені жазда суық');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(needsRehash(hash)).toBe(false);
		expect(await verifyPassword('тау өзені жазда суық', hash)).toBe(true);
		expect(await verifyPassword('тау өзені жазда суык', hash)).toBe(false);
		expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
	});

	it('asks for a rehash of hashes made with weaker parameters and survives garbage', async () => {
		expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA')).toBe(true);
		expect(await verifyPassword('x', 'not a hash')).toBe(false);
		expect(await verifyPassword('x', '')).toBe(false);
		expect(await verifyPassword('x', '$argon2id$v=19$m=19456,t=2,p=1$!!!$???')).toBe(false);
		expect(await verifyPassword('x', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ')).toBe(false);
	});

	it('treats composed and decomposed spellings of a password as the same', async () => {
		const hash = await hashPassword('Қазақ тілі й'.normalize('NFD'));
		expect(await verifyPassword('Қазақ тілі й'.normalize('NFC'), hash)).toBe(true);
	});
});

describe('many sign-ins at once', () => {
	it('are all answered correctly while only a few hashes run at a time', async () => {
		const hash = await hashPassword('burst of sign-ins');
		const results = await Promise.all(Array.from({ length: 8 }, (_, i) => verifyPassword(i % 2 === 0 ? 'burst of sign-ins' : 'wrong', hash)));
		expect(results).toEqual([true, false, true, false, true, false, true, false]);
	});
});

describe('hashing off the main thread', () => {
	it('never runs more than two hashes at once, on at most two threads', async () => {
		passwordHashingStats({ resetPeak: true });
		const hashes = await Promise.all(Array.from({ length: 6 }, (_, i) => hashPassword(`concurrent ${i}`)));
		expect(new Set(hashes).size).toBe(6);
		const stats = passwordHashingStats();
		expect(stats.peakActive).toBe(2);
		expect(stats.workers).toBeLessThanOrEqual(2);
		expect(stats.active).toBe(0);
		expect(stats.queued).toBe(0);
	});

	it('keeps the event loop turning while six hashes run', async () => {
		await Promise.all([hashPassword('warm up'), hashPassword('both threads')]);
		// Counted in turns of the loop, not milliseconds: a hash on this thread would hold the loop for
		// its whole run (no turn at all), however fast or busy the machine. How long the loop waits
		// is the benchmark's to measure (scripts/bench/passwords.ts), not a test's.
		let turns = 0;
		let isDone = false;
		const turn = () => {
			turns++;
			if (!isDone) setImmediate(turn);
		};
		setImmediate(turn);
		const hashing = Array.from({ length: 6 }, (_, i) => hashPassword(`event loop ${i}`));
		const turnsAtStart = turns;
		const firstDone = await Promise.race(hashing.map((hash) => hash.then(() => turns)));
		await Promise.all(hashing);
		isDone = true;
		expect(turnsAtStart).toBe(0);
		// The loop went round while the first hash was still being worked out elsewhere, and kept going.
		expect(firstDone).toBeGreaterThan(10);
		expect(turns).toBeGreaterThan(firstDone);
	});

	it('retries a job on a fresh thread when its thread dies', async () => {
		const pool = new HashWorkerPool(1);
		try {
			const hash = await pool.hash('survives a crash', ARGON2_PARAMETERS);
			const [first] = pool.threads();
			const retried = pool.verify('survives a crash', hash);
			await first!.terminate();
			expect(await retried).toBe(true);
			expect(pool.threads()).toHaveLength(1);
			expect(pool.threads()).not.toContain(first);
		} finally {
			await pool.close();
		}
	});

	it('refuses the jobs waiting for a thread that dies before it starts, and starts a new one later', async () => {
		const pool = new HashWorkerPool(1);
		try {
			const refused = pool.hash('never started', ARGON2_PARAMETERS);
			const queued = pool.verify('never started', 'not a hash');
			const [starting] = pool.threads();
			await starting!.terminate();
			await expect(refused).rejects.toThrow(/thread stopped/);
			await expect(queued).rejects.toThrow(/thread stopped/);
			expect(pool.stats()).toMatchObject({ workers: 0, active: 0, queued: 0 });
			const hash = await pool.hash('started later', ARGON2_PARAMETERS);
			expect(await pool.verify('started later', hash)).toBe(true);
		} finally {
			await pool.close();
		}
	});

	it('works in a script run by Node on the TypeScript sources, which exits as soon as it is done', async () => {
		const script = `import { hashPassword, verifyPassword } from './src/lib/server/accounts/password.ts';
const hash = await hashPassword('from a script');
console.log(hash.slice(0, 30), await verifyPassword('from a script', hash));`;
		const started = performance.now();
		const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: `${import.meta.dirname}/../../../..`, timeout: 20_000 });
		expect(stdout.trim()).toBe('$argon2id$v=19$m=19456,t=2,p=1 true');
		expect(performance.now() - started).toBeLessThan(10_000);
	});
});
