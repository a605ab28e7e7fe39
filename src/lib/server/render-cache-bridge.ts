/**
 * The render cache lives in the Node server in front of SvelteKit (server.js), outside this bundle.
 * Both sides meet on one process-wide object: the app publishes the content version it hears from
 * PostgreSQL, and the cache drops pages rendered under an older version.
 */
export interface ContentVersionState {
	version: number;
}

const KEY = Symbol.for('atameken.contentVersion');

export function contentVersionState(): ContentVersionState {
	const store = globalThis as typeof globalThis & { [KEY]?: ContentVersionState };
	store[KEY] ??= { version: 0 };
	return store[KEY];
}

export function publishContentVersion(version: number): void {
	const state = contentVersionState();
	if (Number.isFinite(version) && version > state.version) state.version = version;
}
