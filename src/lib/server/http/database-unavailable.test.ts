import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { isDatabaseUnavailable, runOperation, statusForUnexpectedError } from './run-operation.ts';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('a lost database, however it is wrapped', () => {
	it('is recognised inside the error Drizzle wraps around the driver’s', () => {
		const wrapped = new DrizzleQueryError('select 1', [], refused());
		expect(isDatabaseUnavailable(wrapped)).toBe(true);
		expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], new Error('Client was closed and is not queryable')))).toBe(true);
	});

	it('is recognised in a refused connection to a host with several addresses', () => {
		const both = new AggregateError([refused(), Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], '');
		expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], both))).toBe(true);
	});

	it('is recognised when the pool or the server gives no answer in time', () => {
		expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
		expect(isDatabaseUnavailable(new Error('Connection terminated due to connection timeout'))).toBe(true);
		expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], new Error('Query read timeout')))).toBe(true);
		expect(isDatabaseUnavailable({ code: '57P03' })).toBe(true);
	});

	it('is not claimed for a bad query or a bug, even wrapped', () => {
		expect(isDatabaseUnavailable(new DrizzleQueryError('select nope', [], Object.assign(new Error('column "nope" does not exist'), { code: '42703' })))).toBe(false);
		expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
		const looped: { cause?: unknown } = {};
		looped.cause = looped;
		expect(isDatabaseUnavailable(looped)).toBe(false);
	});

	it('becomes 503 through runOperation and through the error hook, anything else 500', async () => {
		const wrapped = new DrizzleQueryError('select 1', [], refused());
		await expect(runOperation(() => Promise.reject(wrapped))).rejects.toMatchObject({ status: 503 });
		expect(statusForUnexpectedError(wrapped)).toBe(503);
		expect(statusForUnexpectedError(new TypeError('bug'))).toBe(500);
		expect(statusForUnexpectedError(new AppError('service.not_found'))).toBe(500);
	});
});
