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

	it('asks for the credentials of the chosen SMS gateway', () => {
		expect(() => parseConfig({ SMS_PROVIDER: 'mobizon' })).toThrow(/MOBIZON_API_KEY/);
		expect(() => parseConfig({ SMS_PROVIDER: 'smsc', SMSC_LOGIN: 'x' })).toThrow(/SMSC_PASSWORD/);
		expect(parseConfig({ SMS_PROVIDER: 'smsc', SMSC_LOGIN: 'x', SMSC_PASSWORD: 'y' }).SMS_PROVIDER).toBe('smsc');
	});

	it('supports four-digit codes and refuses lengths outside 4 to 8', () => {
		expect(parseConfig({ OTP_LENGTH: '4' }).OTP_LENGTH).toBe(4);
		expect(() => parseConfig({ OTP_LENGTH: '3' })).toThrow(/OTP_LENGTH/);
	});
});
