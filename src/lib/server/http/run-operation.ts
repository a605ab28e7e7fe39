import { error } from '@sveltejs/kit';
import { AppError } from '../errors.ts';
import { loggableMessage } from '../log.ts';

// Network failures, PostgreSQL's connection exceptions (08…), a server shutting down or starting
// (57P01–57P03) and one with no connection slots left (53300).
const UNAVAILABLE_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
	'57P01',
	'57P02',
	'57P03',
	'53300',
	'08000',
	'08001',
	'08003',
	'08004',
	'08006'
]);
// What pg and its pool say without a code: a dropped connection (and a ROLLBACK tried on it after),
// no connection in time, no answer in time.
const UNAVAILABLE_MESSAGE = /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Query read timeout/i;

/**
 * True for failures of the database connection itself (restart, network), as opposed to bad queries.
 * Drizzle wraps the driver's error in its own ("Failed query: …"), and a refused connection to a
 * host with several addresses is an AggregateError: the causes are looked through.
 */
export function isDatabaseUnavailable(cause: unknown): boolean {
	const seen = new Set<unknown>();
	const pending = [cause];
	while (pending.length > 0) {
		const current = pending.pop();
		if (!current || typeof current !== 'object' || seen.has(current)) continue;
		seen.add(current);
		const { code, message, cause: inner, errors } = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
		if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
		if (current instanceof Error && typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
		pending.push(inner);
		if (Array.isArray(errors)) pending.push(...(errors as unknown[]));
	}
	return false;
}

/**
 * The status for an error nothing else handled (SvelteKit's `handleError`): a lost database is 503,
 * so every page asks the visitor to retry, whether or not its code went through `runOperation`.
 */
export function statusForUnexpectedError(error: unknown): 503 | 500 {
	return isDatabaseUnavailable(error) ? 503 : 500;
}

/**
 * Runs a domain operation for a route: coded errors become their HTTP status, a lost database
 * connection becomes 503 so the visitor is asked to retry instead of seeing a failure.
 */
export async function runOperation<T>(operation: () => Promise<T>): Promise<T> {
	try {
		return await operation();
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.code);
		if (isDatabaseUnavailable(cause)) {
			console.error('[db] unavailable:', loggableMessage(cause));
			error(503, 'unavailable');
		}
		throw cause;
	}
}

/**
 * For form actions: a coded refusal (4xx) comes back as a value, to be shown beside the form the
 * person filled in, instead of replacing the page with an error; anything else is thrown as usual.
 */
export async function refusalOr<T>(operation: () => Promise<T>): Promise<T | AppError> {
	try {
		return await operation();
	} catch (cause) {
		if (cause instanceof AppError && cause.status < 500) return cause;
		throw cause;
	}
}
