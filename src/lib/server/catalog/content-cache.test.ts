import { describe, expect, it } from 'vitest';
import { cachedPerContentVersion } from './content-cache.ts';

function harness(maxEntries = 10) {
	let version = 1;
	const calls: string[] = [];
	let answers = 0;
	const load = async (_db: object, key: string) => {
		calls.push(key);
		return `${key}#${++answers}@${version}`;
	};
	const cached = cachedPerContentVersion(load, { maxEntries, currentVersion: () => version });
	return { cached, calls, bump: () => version++ };
}

describe('answers kept per content version', () => {
	it('reads once while the version stays and again after it changes', async () => {
		const { cached, calls, bump } = harness();
		const db = {};
		expect(await cached(db, 'home')).toBe('home#1@1');
		expect(await cached(db, 'home')).toBe('home#1@1');
		expect(calls).toEqual(['home']);
		bump();
		expect(await cached(db, 'home')).toBe('home#2@2');
		expect(calls).toEqual(['home', 'home']);
	});

	it('keeps an answer under the version seen when its load began, so a change during the load is not hidden', async () => {
		let version = 1;
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let reads = 0;
		const cached = cachedPerContentVersion(
			async (_db: object) => {
				reads++;
				if (reads === 1) await gate;
				return reads;
			},
			{ maxEntries: 5, currentVersion: () => version }
		);
		const db = {};
		const first = cached(db);
		version = 2; // content changed while the first read was running
		release();
		expect(await first).toBe(1);
		expect(await cached(db)).toBe(2);
		expect(reads).toBe(2);
	});

	it('lets simultaneous callers share one load and forgets a failed one', async () => {
		let reads = 0;
		const cached = cachedPerContentVersion(
			async (_db: object) => {
				reads++;
				if (reads === 1) throw new Error('database away');
				return 'tree';
			},
			{ maxEntries: 5, currentVersion: () => 1 }
		);
		const db = {};
		const [a, b] = await Promise.allSettled([cached(db), cached(db)]);
		expect(a.status).toBe('rejected');
		expect(b.status).toBe('rejected');
		expect(reads).toBe(1);
		expect(await cached(db)).toBe('tree');
		expect(reads).toBe(2);
	});

	it('never shares answers between databases or arguments', async () => {
		const { cached, calls } = harness();
		const [one, two] = [{}, {}];
		await cached(one, 'kk');
		await cached(two, 'kk');
		await cached(one, 'ru');
		expect(calls).toEqual(['kk', 'kk', 'ru']);
	});

	it('drops the least recently used answer beyond its size', async () => {
		const { cached, calls } = harness(2);
		const db = {};
		await cached(db, 'a');
		await cached(db, 'b');
		await cached(db, 'a'); // a is now the most recent
		await cached(db, 'c'); // evicts b
		await cached(db, 'a');
		await cached(db, 'b');
		expect(calls).toEqual(['a', 'b', 'c', 'b']);
	});
});
