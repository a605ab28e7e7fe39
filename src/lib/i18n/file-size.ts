import { m } from '../paraglide/messages.js';
import { formatMegabytes } from './formats.ts';
import type { Locale } from './localized.ts';

/** A file's size as people read it: kilobytes below a megabyte, megabytes with one decimal above. */
export function fileSizeText(bytes: number, locale: Locale): string {
	return bytes < 1024 * 1024 ? m.file_size_kb({ size: Math.max(1, Math.round(bytes / 1024)) }, { locale }) : m.file_size_mb({ size: formatMegabytes(bytes, locale) }, { locale });
}
