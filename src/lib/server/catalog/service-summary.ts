import type { Locale, LocalizedText } from '../../i18n/localized.ts';
import { show, type ShownText } from './localize.ts';

/** What a list of services shows for each: title, summary and provider. */
export interface ServiceSummary {
	slug: string;
	title: ShownText;
	summary: ShownText;
	provider: ShownText;
}

export interface ServiceSummaryRow {
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	providerName: LocalizedText;
}

export const toServiceSummary = (row: ServiceSummaryRow, locale: Locale): ServiceSummary => ({
	slug: row.slug,
	title: show(row.title, locale),
	summary: show(row.summary, locale),
	provider: show(row.providerName, locale)
});
