import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { isDatabaseUnavailable, runOperation } from './run-operation.ts';

describe('runOperation', () => {
	it('turns a coded error into its HTTP status', async () => {
		await expect(runOperation(() => Promise.reject(new AppError('service.not_found')))).rejects.toMatchObject({ status: 404, body: { message: 'service.not_found' } });
	});

	it('turns a lost database connection into 503', async () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
		await expect(runOperation(() => Promise.reject(refused))).rejects.toMatchObject({ status: 503 });
	});

	it('lets other failures through to the error handler', async () => {
		await expect(runOperation(() => Promise.reject(new TypeError('bug')))).rejects.toBeInstanceOf(TypeError);
	});
});

describe('isDatabaseUnavailable', () => {
	it('recognises a server shutting down and a dropped connection, not a bad query', () => {
		expect(isDatabaseUnavailable({ code: '57P01' })).toBe(true);
		expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isDatabaseUnavailable({ code: '42703' })).toBe(false);
	});
});
