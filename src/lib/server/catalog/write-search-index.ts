import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { searchPosting, searchTerm } from './schema.ts';
import { buildPostings, type SearchableService } from './search-index.ts';

const BATCH = 2000;

/**
 * Replaces the search postings of the given services (in the caller's transaction) and records new
 * words. Unpublished services get no postings, so search never has to look at the service table.
 */
export async function writeSearchIndex(tx: Executor, services: { serviceId: number; service: SearchableService & { isPublished: boolean } }[]): Promise<void> {
	if (services.length === 0) return;
	await tx.delete(searchPosting).where(
		inArray(
			searchPosting.serviceId,
			services.map((s) => s.serviceId)
		)
	);
	const rows = services
		.filter(({ service }) => service.isPublished)
		.flatMap(({ serviceId, service }) => [...buildPostings(service)].map(([term, weight]) => ({ term, serviceId, weight })));
	for (let start = 0; start < rows.length; start += BATCH) await tx.insert(searchPosting).values(rows.slice(start, start + BATCH));
	const terms = [...new Set(rows.map((row) => row.term))];
	// Words are never removed: a word no service uses any more only costs a row in a small table.
	for (let start = 0; start < terms.length; start += BATCH) {
		await tx
			.insert(searchTerm)
			.values(terms.slice(start, start + BATCH).map((term) => ({ term })))
			.onConflictDoNothing();
	}
}
