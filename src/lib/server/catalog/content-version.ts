import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';

/** PostgreSQL channel on which every instance hears that public content changed. */
export const CONTENT_CHANNEL = 'content_version';

/**
 * Records that public content changed. Call inside the transaction that made the change: the
 * notification is delivered on commit, so no cache drops a page before the new data is visible.
 */
export async function bumpContentVersion(tx: Executor): Promise<number> {
	const rows = await queryRows<{ version: string | number }>(tx, sql`
		insert into content_version (id, version, changed_at) values (1, 1, now())
		on conflict (id) do update set version = content_version.version + 1, changed_at = now()
		returning version`);
	const version = Number(rows[0]?.version ?? 0);
	await tx.execute(sql`select pg_notify(${CONTENT_CHANNEL}, ${String(version)})`);
	return version;
}

export async function readContentVersion(db: Executor): Promise<number> {
	const rows = await queryRows<{ version: string | number }>(db, sql`select version from content_version where id = 1`);
	return Number(rows[0]?.version ?? 0);
}
