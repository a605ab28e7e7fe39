import { describe, expect, it } from 'vitest';
import { loggableError, loggableMessage } from './log.ts';

describe('loggable errors', () => {
	it('drop the parameters of a failed query', () => {
		const failed = Object.assign(new Error('Failed query: select 1 where login = $1\nparams: 871008401427'), {
			query: 'select 1 where login = $1',
			params: ['871008401427'],
			cause: { message: 'connection refused', code: 'ECONNREFUSED' }
		});
		expect(JSON.stringify(loggableError(failed))).not.toContain('871008401427');
		expect(loggableMessage(failed)).toBe('query failed: connection refused');
		expect(loggableMessage(new Error('plain'))).toBe('plain');
	});
});
