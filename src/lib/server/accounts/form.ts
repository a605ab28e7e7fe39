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
	if (!value || !value.startsWith('/') || value.length > 500) return null;
	// Browsers drop tabs and line breaks and read backslashes as slashes, so `/\t/evil.example`
	// would become `//evil.example`: a path with any of them is refused outright.
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
	if (/[\u0000-\u0020\\]/.test(value) || value.startsWith('//')) return null;
	return value;
}
