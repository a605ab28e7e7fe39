import { m } from '../paraglide/messages.js';
import type { Locale } from './localized.ts';

type MessageFunction = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/**
 * The text of a message named at run time, such as an `error_*` code returned by validation.
 * An unknown key gives the generic "fill in this field" rather than the raw key.
 */
export function messageByKey(key: string, inputs: Record<string, unknown> = {}, locale?: Locale): string {
	const message = (m as unknown as Record<string, MessageFunction | undefined>)[key];
	return typeof message === 'function' ? message(inputs, locale ? { locale } : undefined) : m.error_required();
}

