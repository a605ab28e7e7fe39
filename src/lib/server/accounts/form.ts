import type { RequestEvent } from '@sveltejs/kit';
import { getConfig } from '../config.ts';
import type { RequestContext } from './register-account.ts';

/** The text fields of a posted form (files and repeated names are not used by these forms). */
export async function readFormFields(request: Request): Promise<Record<string, string>> {
	const data = await request.formData();
	const fields: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string' && !(key in fields)) fields[key] = value;
	return fields;
}

export function requestContext(event: RequestEvent): RequestContext {
	return { locale: event.locals.locale, ipAddress: event.getClientAddress(), otpLength: getConfig().OTP_LENGTH };
}

/** Only a path on this site may be a place to come back to after signing in. */
export function safeNextPath(value: string | null | undefined): string | null {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 500) return null;
	return value;
}
