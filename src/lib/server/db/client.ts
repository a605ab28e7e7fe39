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

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** Calls `onNotify` with each payload sent with `NOTIFY <channel>`; returns an unsubscribe function. */
	listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
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
		async listen(channel, onNotify) {
			const unsubscribe = await client.listen(channel, onNotify);
			return async () => unsubscribe();
		},
		async close() {
			if (!client.closed) await client.close();
		}
	};
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
	// An idle client losing its connection (database restart) must not crash the process.
	pool.on('error', (error) => console.error('[db] idle client error:', error.message));
	const db = drizzlePg({ client: pool, schema }) as unknown as Database;
	await migrateWithLock(db, pool);
	const listeners = new Set<pg.Client>();
	return {
		db,
		kind: 'postgres',
		async listen(channel, onNotify) {
			const client = new pg.Client({ connectionString: url });
			client.on('error', (error) => console.error(`[db] listener for ${channel} failed:`, error.message));
			await client.connect();
			client.on('notification', (message) => {
				if (message.channel === channel) onNotify(message.payload ?? '');
			});
			await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
			listeners.add(client);
			return async () => {
				listeners.delete(client);
				await client.end().catch(() => undefined);
			};
		},
		async close() {
			await Promise.all([...listeners].map((client) => client.end().catch(() => undefined)));
			await pool.end();
		}
	};
}

/** Several instances may start at once: one applies the migrations while the others wait. */
async function migrateWithLock(db: Database, pool: pg.Pool) {
	const client = await pool.connect();
	try {
		await client.query('select pg_advisory_lock(724011)');
		await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
	} finally {
		await client.query('select pg_advisory_unlock(724011)').catch(() => undefined);
		client.release();
	}
	await db.execute(sql`select 1`);
}
