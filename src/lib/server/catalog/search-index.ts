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

/** Folded search rows of one service, one per language that has a title. */
export function buildSearchRows(serviceId: number, service: SearchableService) {
	return LOCALES.filter((locale) => service.title[locale]?.trim()).map((locale) => {
		const title = foldSearchText(service.title[locale] ?? '');
		const keywords = foldSearchText((service.keywords[locale] ?? []).join(' '));
		const summary = foldSearchText(service.summary[locale] ?? '');
		const body = foldSearchText(
			[service.description[locale], service.conditions[locale], service.recipients[locale]].filter(Boolean).join(' ')
		);
		return { serviceId, locale, title, keywords, summary, body, document: [title, keywords, summary, body].join(' ') };
	});
}
