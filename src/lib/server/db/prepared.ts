import type { Executor } from './client.ts';

/**
 * A statement that runs on every page view, built once per database (or open transaction) rather
 * than on every call: Drizzle otherwise assembles the SQL text anew each time, which costs more
 * CPU than the query itself for the small lookups a page makes. Give it a name (`.prepare(name)`)
 * and PostgreSQL also parses it once per connection and keeps its plan; names must be unique
 * across the app, one per SQL text.
 */
export function preparedPerDatabase<T>(build: (db: Executor) => T): (db: Executor) => T {
	const built = new WeakMap<Executor, T>();
	return (db) => {
		let prepared = built.get(db);
		if (prepared === undefined) {
			prepared = build(db);
			built.set(db, prepared);
		}
		return prepared;
	};
}
