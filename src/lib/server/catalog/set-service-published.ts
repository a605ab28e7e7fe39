import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { bumpContentVersion } from './content-version.ts';
import { service } from './schema.ts';
import { writeSearchIndex } from './write-search-index.ts';

/**
 * Publishes or withdraws a service: its page, its search postings and every cached page follow at
 * once. Runs in the caller's transaction; the admin area adds its access check around it.
 */
export async function setServicePublished(tx: Executor, slug: string, isPublished: boolean): Promise<void> {
	const [row] = await tx.update(service).set({ isPublished, updatedAt: new Date() }).where(eq(service.slug, slug)).returning();
	if (!row) throw notFound('service');
	await writeSearchIndex(tx, [{ serviceId: row.id, service: row }]);
	await bumpContentVersion(tx);
}
