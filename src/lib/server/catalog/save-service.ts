import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { LocalizedText } from '../../i18n/localized.ts';
import { bumpContentVersion } from './content-version.ts';
import {
	service,
	serviceRegulatoryDocument,
	serviceRequiredDocument,
	type LocalizedKeywords,
	type ResultKind
} from './schema.ts';
import { writeSearchIndex } from './write-search-index.ts';

export interface ServiceInput {
	slug: string;
	categoryId: number;
	providerId: number;
	title: LocalizedText;
	summary: LocalizedText;
	description: LocalizedText;
	conditions: LocalizedText;
	recipients: LocalizedText;
	termDays: number;
	resultKind: ResultKind;
	keywords: LocalizedKeywords;
	popularity: number;
	isPublished: boolean;
	regulatoryDocuments: { title: LocalizedText; url?: string | null }[];
	requiredDocuments: { title: LocalizedText; isRequired: boolean }[];
}

/**
 * Creates or replaces a service (matched by slug) with its documents and search rows, and bumps the
 * content version so cached pages show the change at once. Runs in the caller's transaction; the
 * admin area will wrap it with its access check.
 */
export async function saveService(tx: Executor, input: ServiceInput): Promise<number> {
	const { regulatoryDocuments, requiredDocuments, ...fields } = input;
	const [row] = await tx
		.insert(service)
		.values(fields)
		.onConflictDoUpdate({ target: service.slug, set: { ...fields, updatedAt: new Date() } })
		.returning({ id: service.id });
	const serviceId = row!.id;

	await tx.delete(serviceRegulatoryDocument).where(eq(serviceRegulatoryDocument.serviceId, serviceId));
	if (regulatoryDocuments.length > 0) {
		await tx.insert(serviceRegulatoryDocument).values(
			regulatoryDocuments.map((doc, position) => ({ serviceId, position, title: doc.title, url: doc.url ?? null }))
		);
	}
	await tx.delete(serviceRequiredDocument).where(eq(serviceRequiredDocument.serviceId, serviceId));
	if (requiredDocuments.length > 0) {
		await tx.insert(serviceRequiredDocument).values(
			requiredDocuments.map((doc, position) => ({ serviceId, position, title: doc.title, isRequired: doc.isRequired }))
		);
	}
	await writeSearchIndex(tx, [{ serviceId, service: input }]);

	await bumpContentVersion(tx);
	return serviceId;
}
