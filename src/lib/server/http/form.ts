import type { RequestEvent } from '@sveltejs/kit';
import type { RequestContext } from '../accounts/register-account.ts';
import { getConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { runOperation } from './run-operation.ts';

const URLENCODED = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
const MULTIPART = /^multipart\/form-data\s*(?:;|$)/i;
const BOUNDARY = /;\s*boundary=(?:"[^"]+"|[^;\s]+)/i;

/**
 * The text fields of a posted form (files and repeated names are not used by these forms).
 * A body that is not a form — another Content-Type (415), a multipart body without a boundary or
 * that does not parse (400) — is refused with a coded error, never a 500. What the fields hold
 * (control characters included) is for each form's own validation to judge.
 */
export function readFormFields(request: Request): Promise<Record<string, string>> {
	return runOperation(() => parseFormFields(request));
}

/** Every text value of a posted form by name, for forms with repeated names (a list of checkboxes). */
export function readFormLists(request: Request): Promise<Record<string, string[]>> {
	return runOperation(async () => {
		const lists: Record<string, string[]> = {};
		for (const [key, value] of await parseForm(request)) if (typeof value === 'string') (lists[key] ??= []).push(value);
		return lists;
	});
}

/**
 * The text fields of a posted form and the bytes of its file fields, each up to its own limit (a
 * signature's few KiB, a document's upload limit). A file is null when none was chosen or when it is
 * over its limit; `tooLarge` names those, for the form to say so.
 */
export function readFormFiles<Name extends string>(
	request: Request,
	limits: Record<Name, number>
): Promise<{ fields: Record<string, string>; files: Record<Name, Uint8Array | null>; tooLarge: Name[] }> {
	return runOperation(async () => {
		const form = await parseForm(request);
		const fields: Record<string, string> = {};
		for (const [key, value] of form) if (typeof value === 'string' && !(key in fields)) fields[key] = value;
		const files = {} as Record<Name, Uint8Array | null>;
		const tooLarge: Name[] = [];
		for (const name of Object.keys(limits) as Name[]) {
			const posted = form.get(name);
			files[name] = null;
			if (!(posted instanceof File) || posted.size === 0) continue;
			if (posted.size > limits[name]) tooLarge.push(name);
			else files[name] = new Uint8Array(await posted.arrayBuffer());
		}
		return { fields, files, tooLarge };
	});
}

async function parseFormFields(request: Request): Promise<Record<string, string>> {
	const fields: Record<string, string> = {};
	for (const [key, value] of await parseForm(request)) if (typeof value === 'string' && !(key in fields)) fields[key] = value;
	return fields;
}

async function parseForm(request: Request): Promise<FormData> {
	const type = request.headers.get('content-type') ?? '';
	if (MULTIPART.test(type)) {
		if (!BOUNDARY.test(type)) throw new AppError('form.malformed');
	} else if (!URLENCODED.test(type)) {
		throw new AppError('form.unsupported_type');
	}
	let data: FormData;
	try {
		data = await request.formData();
	} catch (cause) {
		// SvelteKit's own body limit ends the body with a 413 of its own.
		if (hasStatus(cause, 413)) throw new AppError('form.too_large');
		throw new AppError('form.malformed');
	}
	return data;
}

function hasStatus(cause: unknown, status: number): boolean {
	for (let current = cause, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
		if ((current as { status?: unknown }).status === status) return true;
	}
	return false;
}

export function requestContext(event: RequestEvent): RequestContext {
	return { locale: event.locals.locale, ipAddress: event.getClientAddress(), otpLength: getConfig().OTP_LENGTH };
}

const ORIGIN_PROBE = 'http://next.invalid';

/**
 * Only a path on this site may be a place to come back to after signing in. What is kept is safe
 * to put in a Location header as it is: letters outside ASCII are percent-encoded.
 */
export function safeNextPath(value: string | null | undefined): string | null {
	if (!value || value.length > 500) return null;
	// Checked in the compatibility form too: a browser or proxy may normalise fullwidth dots and
	// slashes (`/／evil.example`) into `//evil.example`.
	const forms = [value, value.normalize('NFKC')];
	for (const form of forms) {
		if (!form.startsWith('/') || form.startsWith('//')) return null;
		// Browsers drop tabs and line breaks and read backslashes as slashes, so `/\t/evil.example`
		// would become `//evil.example`: a path with any of them (or any other space) is refused outright.
		// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
		if (/[\u0000-\u0020\u007f-\u009f\\]|\s/u.test(form)) return null;
	}
	let encoded: string;
	try {
		// Lone surrogates cannot be encoded (URIError): such a value is refused.
		encoded = value.replace(/[^\u0021-\u007e]+/gu, (run) => encodeURIComponent(run));
	} catch {
		return null;
	}
	// What is sent must still be a path here once a browser resolves it.
	if (new URL(encoded, ORIGIN_PROBE).origin !== ORIGIN_PROBE) return null;
	return encoded;
}
