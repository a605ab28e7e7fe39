import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** What domain operations accept: the database or an open transaction. */
export type Executor = Database | Transaction;

export interface ListenOptions {
	/**
	 * Called after the listening connection was lost (a database restart) and LISTEN was issued again:
	 * notifications sent in between are gone, so the subscriber re-reads what it follows.
	 */
	onResubscribe?: () => void | Promise<void>;
}

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	/**
	 * Calls `onNotify` with each payload sent with `NOTIFY <channel>`, across database restarts;
	 * returns an unsubscribe function.
	 */
	listen(channel: string, onNotify: (payload: string) => void, options?: ListenOptions): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

export interface OpenDatabaseOptions {
	/** A PostgreSQL URL; without it the embedded PGlite is used. */
	url?: string;
	/** PGlite data directory; `memory://` keeps everything in memory (tests). */
	dataDir?: string;
	poolSize?: number;
}

const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
	if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
	return openPglite(options.dataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
	let location: string | undefined;
	if (!dataDir.startsWith('memory://')) {
		location = path.resolve(dataDir);
		// PGlite creates only the last directory of the path itself.
		mkdirSync(path.dirname(location), { recursive: true });
	}
	const client = await PGlite.create(location, { extensions: { pg_trgm } });
	const db = drizzlePglite({ client, schema }) as unknown as Database;
	await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
	return {
		db,
		kind: 'pglite',
		// One process owns the embedded database: it never restarts under a subscriber.
		async listen(channel, onNotify) {
			const unsubscribe = await client.listen(channel, onNotify);
			return async () => unsubscribe();
		},
		async close() {
			if (!client.closed) await client.close();
		}
	};
}

/** A database that does not answer must not hold a request: it fails and the visitor gets 503. */
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 8_000;

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS });
	// An idle client losing its connection (database restart) must not crash the process.
	pool.on('error', (error) => console.error('[db] idle client error:', error.message));
	pool.on('connect', closeWhenUnanswered);
	releaseWhenLost(pool);
	const db = drizzlePg({ client: pool, schema }) as unknown as Database;
	await migrateWithLock(url);
	await db.execute(sql`select 1`);
	const subscriptions = new Set<() => Promise<void>>();
	return {
		db,
		kind: 'postgres',
		async listen(channel, onNotify, options = {}) {
			const stop = await subscribe(url, channel, onNotify, options);
			const unsubscribe = async () => {
				subscriptions.delete(unsubscribe);
				await stop();
			};
			subscriptions.add(unsubscribe);
			return unsubscribe;
		},
		async close() {
			await Promise.all([...subscriptions].map((unsubscribe) => unsubscribe()));
			await pool.end();
		}
	};
}

/**
 * pg gives up waiting for an answer after `query_timeout` but keeps the connection, with the
 * unanswered query still in front of the next ones (a transaction's ROLLBACK would wait as long
 * again). Closing it fails whatever is queued at once and keeps the pool from handing it out.
 */
function closeWhenUnanswered(client: pg.PoolClient) {
	const query = client.query.bind(client) as (...args: unknown[]) => unknown;
	const closeIfUnanswered = (error: unknown) => {
		if (error instanceof Error && error.message === 'Query read timeout') void client.end().catch(() => undefined);
	};
	(client as { query: unknown }).query = (...args: unknown[]) => {
		const callback = args.at(-1);
		if (typeof callback === 'function') {
			args[args.length - 1] = (error: unknown, result: unknown) => {
				closeIfUnanswered(error);
				callback(error, result);
			};
			return query(...args);
		}
		const result = query(...args);
		if (result instanceof Promise) {
			return result.catch((error: unknown) => {
				closeIfUnanswered(error);
				throw error;
			});
		}
		return result;
	};
}

/**
 * A connection lost while checked out goes back to the pool to be dropped. The pool listens for a
 * client's errors only while it is idle: a connection dying in a transaction between two statements
 * would raise an unheard error event, which ends the process. And Drizzle's transaction sends BEGIN
 * before its try/finally, so when BEGIN fails it never releases the client: every restart under load
 * would shrink the pool for good. The holder's next query fails as unavailable; its release is a no-op.
 */
function releaseWhenLost(pool: pg.Pool) {
	const connect = pool.connect.bind(pool) as (callback?: (error: Error | undefined, client?: pg.PoolClient, done?: unknown) => void) => Promise<pg.PoolClient> | undefined;
	const guard = (client: pg.PoolClient) => {
		const release = client.release;
		let isReleased = false;
		const onLost = (error?: unknown) => releaseOnce(error instanceof Error ? error : new Error('Connection terminated'));
		const releaseOnce = (error?: Error | boolean) => {
			if (isReleased) return;
			isReleased = true;
			// Released first: the pool then listens for errors again before this listener goes.
			release(error);
			client.removeListener('error', onLost);
			client.removeListener('end', onLost);
		};
		client.on('error', onLost);
		client.once('end', onLost);
		client.release = releaseOnce;
		return client;
	};
	(pool as { connect: unknown }).connect = (callback?: (error: Error | undefined, client?: pg.PoolClient, done?: unknown) => void) => {
		if (!callback) return connect()!.then(guard);
		connect((error, client) => {
			if (client) guard(client);
			callback(error, client, client?.release);
		});
		return undefined;
	};
}

/** Waits between attempts to listen again after the connection was lost: 0.5 s, doubling up to 5 s. */
const RESUBSCRIBE_FIRST_DELAY_MS = 500;
const RESUBSCRIBE_MAX_DELAY_MS = 5_000;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries). When that connection
 * is lost it is opened again with back-off until the database answers, and the subscriber is told.
 */
async function subscribe(url: string, channel: string, onNotify: (payload: string) => void, options: ListenOptions): Promise<() => Promise<void>> {
	let isStopped = false;
	let current: pg.Client | null = null;
	let attempt: Promise<void> | null = null;
	let retryTimer: NodeJS.Timeout | undefined;
	let delay = RESUBSCRIBE_FIRST_DELAY_MS;

	const connect = async () => {
		const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS, keepAlive: true });
		let isReady = false;
		let isLost = false;
		const lose = (error?: Error) => {
			if (isLost) return;
			isLost = true;
			void client.end().catch(() => undefined);
			if (!isReady || current !== client) return;
			current = null;
			if (isStopped) return;
			console.error(`[db] listener for ${channel} lost its connection${error ? `: ${error.message}` : ''}; listening again`);
			retryLater();
		};
		client.on('error', lose);
		client.on('end', () => lose());
		client.on('notification', (message) => {
			if (message.channel === channel) onNotify(message.payload ?? '');
		});
		try {
			await client.connect();
			await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
		} catch (error) {
			lose();
			throw error;
		}
		// The connection may have dropped between LISTEN and here, or the subscriber left meanwhile.
		if (isLost) throw new Error('Connection terminated unexpectedly');
		if (isStopped) {
			isLost = true;
			await client.end().catch(() => undefined);
			return;
		}
		isReady = true;
		current = client;
	};

	const retryLater = () => {
		retryTimer = setTimeout(() => {
			retryTimer = undefined;
			attempt = connect().then(
				() => {
					attempt = null;
					if (isStopped) return;
					delay = RESUBSCRIBE_FIRST_DELAY_MS;
					console.log(`[db] listening to ${channel} again`);
					resync();
				},
				() => {
					attempt = null;
					if (isStopped) return;
					delay = Math.min(delay * 2, RESUBSCRIBE_MAX_DELAY_MS);
					retryLater();
				}
			);
		}, delay);
		// A pending retry alone must not keep a process alive.
		retryTimer.unref();
	};

	const resync = () => {
		try {
			Promise.resolve(options.onResubscribe?.()).catch((error: unknown) => console.error(`[db] resync after listening to ${channel} again failed:`, error instanceof Error ? error.message : error));
		} catch (error) {
			console.error(`[db] resync after listening to ${channel} again failed:`, error instanceof Error ? error.message : error);
		}
	};

	// The first subscription fails loudly: the caller is starting up and should know.
	await connect();
	return async () => {
		isStopped = true;
		clearTimeout(retryTimer);
		await attempt;
		const client = current;
		current = null;
		await client?.end().catch(() => undefined);
	};
}

/**
 * Several instances may start at once: one applies the migrations while the others wait. On a
 * connection of its own, without the query timeout: waiting for the lock or a long migration is fine.
 */
async function migrateWithLock(url: string) {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
	client.on('error', (error) => console.error('[db] migration connection failed:', error.message));
	await client.connect();
	try {
		await client.query('select pg_advisory_lock(724011)');
		await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
	} finally {
		await client.query('select pg_advisory_unlock(724011)').catch(() => undefined);
		await client.end().catch(() => undefined);
	}
}
