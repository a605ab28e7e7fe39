import { LOCALES, type LocalizedText } from '../../i18n/localized.ts';
import type { LocalizedKeywords } from './schema.ts';
import { foldSearchText } from './search-text.ts';

export interface SearchableService {
	title: LocalizedText;
	summary: LocalizedText;
	description: LocalizedText;
	conditions: LocalizedText;
	recipients: LocalizedText;
	keywords: LocalizedKeywords;
}

/** How much a word counts by the field it is found in: title > keywords > summary > description. */
export const FIELD_WEIGHT = { title: 16, keywords: 8, summary: 4, body: 2 } as const;

/**
 * The folded words of a service in all its languages, each with the weight of the most prominent
 * field it occurs in.
 */
export function buildPostings(service: SearchableService): Map<string, number> {
	const postings = new Map<string, number>();
	const add = (text: string | undefined, weight: number) => {
		if (!text) return;
		for (const word of foldSearchText(text).split(' ')) {
			if (word && (postings.get(word) ?? 0) < weight) postings.set(word, weight);
		}
	};
	for (const locale of LOCALES) {
		add(service.title[locale], FIELD_WEIGHT.title);
		add((service.keywords[locale] ?? []).join(' '), FIELD_WEIGHT.keywords);
		add(service.summary[locale], FIELD_WEIGHT.summary);
		add(service.description[locale], FIELD_WEIGHT.body);
		add(service.conditions[locale], FIELD_WEIGHT.body);
		add(service.recipients[locale], FIELD_WEIGHT.body);
	}
	return postings;
}
