import { formatCalendarDate, formatTenge } from '../i18n/formats.ts';
import { pickLocalized, type Locale } from '../i18n/localized.ts';
import { m } from '../paraglide/messages.js';
import type { FieldDefinition } from './form-definition.ts';

/** A stored answer as the read-only application shows it: money in tenge, dates and choices in the reader's language. */
export function formatAnswer(field: FieldDefinition, value: unknown, locale: Locale): string {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'boolean') return value ? m.answer_yes({}, { locale }) : m.answer_no({}, { locale });
	if (field.type === 'money' && typeof value === 'number') return formatTenge(value, locale);
	if (field.type === 'date' && typeof value === 'string') return formatCalendarDate(value, locale);
	if ((field.type === 'select' || field.type === 'radio') && typeof value === 'string') {
		const option = field.options?.find((o) => o.value === value);
		return option ? pickLocalized(option.label, locale).text : value;
	}
	return String(value);
}
