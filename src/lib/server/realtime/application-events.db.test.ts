import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { APPLICATION_EVENT_CHANNEL } from '../applications/apply-transition.ts';
import { createApplicationEvents } from './application-events.ts';

let posting: DatabaseHandle;
/** A second instance's own connection to the same database on PostgreSQL; PGlite has only the one. */
let listening: DatabaseHandle;

beforeAll(async () => {
	posting = await openTestDatabase();
	listening = posting;
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (serverUrl) {
		const [current] = await queryRows<{ name: string }>(posting.db, sql`select current_database() as name`);
		const url = new URL(serverUrl);
		url.pathname = `/${current!.name}`;
		listening = await openDatabase({ url: url.toString(), poolSize: 2 });
	}
});
afterAll(async () => {
	if (listening && listening !== posting) await listening.close();
	await posting?.close();
});

describe('application events across instances', () => {
	it('reach a page connected to another instance when the posting transaction commits, not before', async () => {
		const events = createApplicationEvents(listening);
		const page = vi.fn();
		await events.subscribe(42, page);
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const transaction = posting.db.transaction(async (tx) => {
			await tx.execute(sql`select pg_notify(${APPLICATION_EVENT_CHANNEL}, ${JSON.stringify({ applicationId: 42, messageId: 1 })})`);
			await held;
		});
		// A round trip on the other instance's connection while the transaction is open: nothing has
		// arrived. (PGlite has one connection, which the open transaction holds.)
		if (listening !== posting) await listening.db.execute(sql`select 1`);
		expect(page).not.toHaveBeenCalled();
		release();
		await transaction;
		await vi.waitFor(() => expect(page).toHaveBeenCalledTimes(1), { timeout: 5000 });
	});
});
