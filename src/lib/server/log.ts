/**
 * What of an error may go to the log. A failed query carries its parameters (IINs, phone numbers,
 * password hashes) in its message: only the statement and the database's own message are kept.
 */
export function loggableError(error: unknown): unknown {
	if (error && typeof error === 'object' && 'query' in error && 'params' in error) {
		const cause = (error as { cause?: { message?: string; code?: string } }).cause;
		// The stack starts with the message, which may span lines: keep only the call frames.
		const stack = (error as unknown as Error).stack ?? '';
		const frames = stack
			.split('\n')
			.filter((line) => /^\s+at /.test(line))
			.join('\n');
		return { query: (error as { query: string }).query, cause: cause?.message, code: cause?.code, stack: frames };
	}
	return error;
}

export function loggableMessage(error: unknown): string {
	const safe = loggableError(error);
	if (safe !== error) return `query failed: ${(safe as { cause?: string }).cause ?? 'unknown cause'}`;
	return error instanceof Error ? error.message : String(error);
}
