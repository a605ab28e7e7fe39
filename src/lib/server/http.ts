import { error } from '@sveltejs/kit';
import { AppError } from './errors.ts';
import { loggableMessage } from './log.ts';

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/** True for failures of the database connection itself (restart, network), as opposed to bad queries. */
export function isDatabaseUnavailable(cause: unknown): boolean {
	const code = (cause as { code?: unknown } | null)?.code;
	if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
	const message = cause instanceof Error ? cause.message : '';
	return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
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
