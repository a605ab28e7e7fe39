import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
	it('gives safe defaults for an empty environment', () => {
		const config = parseConfig({});
		expect(config.PORT).toBe(3000);
		expect(config.DATA_DIR).toBe('./data');
		expect(config.DATABASE_URL).toBeUndefined();
		expect(config.APP_MODE).toBe('demo');
	});

	it('treats blank values as unset', () => {
		expect(parseConfig({ PORT: '  ', DATABASE_URL: '' }).PORT).toBe(3000);
	});

	it('names every wrong variable in one message', () => {
		try {
			parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError);
			const message = (error as Error).message;
			expect(message).toContain('PORT');
			expect(message).toContain('DATABASE_URL');
		}
	});

	it('refuses production mode on the embedded database', () => {
		expect(() => parseConfig({ APP_MODE: 'production' })).toThrow(/DATABASE_URL/);
	});
});
