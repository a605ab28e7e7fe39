import { contentVersionState } from '../render-cache-bridge.ts';

/**
 * Catalog answers kept in memory while public content stays at one version. Signed-in visitors
 * bypass the render cache (their pages carry a name and a bell), yet the catalog part of those
 * pages is the same for everyone: without this each such view would read the category tree, the
 * popular services and the partners again. An answer is stored with the version seen when its
 * load began, so a change committed during the load never hides behind the new version; callers
 * waiting for the same answer share one load, and a failed load is forgotten at once.
 */
export interface ContentCacheOptions {
	/** Most answers kept per database; the least recently used go first. */
	maxEntries: number;
	/** The published content version; the process-wide one unless a test supplies its own. */
	currentVersion?: () => number;
}

interface Entry<R> {
	version: number;
	answer: Promise<R>;
}

export function cachedPerContentVersion<D extends object, A extends (string | number | undefined)[], R>(
	load: (db: D, ...args: A) => Promise<R>,
	options: ContentCacheOptions
): (db: D, ...args: A) => Promise<R> {
	const currentVersion = options.currentVersion ?? (() => contentVersionState().version);
	// Per database handle: a transaction or another database (as in tests) never sees these answers.
	const byDatabase = new WeakMap<D, Map<string, Entry<R>>>();
	return (db, ...args) => {
		let entries = byDatabase.get(db);
		if (!entries) {
			entries = new Map();
			byDatabase.set(db, entries);
		}
		const key = JSON.stringify(args);
		const version = currentVersion();
		const cached = entries.get(key);
		if (cached && cached.version === version) {
			// Map order is the eviction order: a hit moves the answer to the young end.
			entries.delete(key);
			entries.set(key, cached);
			return cached.answer;
		}
		const answer = load(db, ...args);
		const entry = { version, answer };
		entries.delete(key);
		entries.set(key, entry);
		while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
		const kept = entries;
		answer.catch(() => {
			if (kept.get(key) === entry) kept.delete(key);
		});
		return answer;
	};
}
