import type { LocalizedText } from '../../../i18n/localized.ts';
import type { LocalizedKeywords, ResultKind } from '../../catalog/schema.ts';

export interface SeedProvider {
	slug: string;
	name: LocalizedText;
	shortName?: LocalizedText;
	phone?: string;
	email?: string;
	address?: LocalizedText;
	website?: string;
	/** Needed before the provider can sign result documents. */
	bin?: string;
}

export interface SeedCategory {
	slug: string;
	name: LocalizedText;
	children?: SeedCategory[];
}

export interface SeedDocumentRef {
	title: LocalizedText;
	url?: string;
}

export interface SeedService {
	slug: string;
	/** Slug of the category (a subcategory where one exists). */
	category: string;
	provider: string;
	title: LocalizedText;
	summary: LocalizedText;
	description: LocalizedText;
	conditions: LocalizedText;
	recipients: LocalizedText;
	termDays: number;
	resultKind: ResultKind;
	keywords: LocalizedKeywords;
	popularity?: number;
	regulatoryDocuments: SeedDocumentRef[];
	requiredDocuments: (SeedDocumentRef & { isRequired?: boolean })[];
}
