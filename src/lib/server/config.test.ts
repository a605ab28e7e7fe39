import { describe, expect, it } from 'vitest';
import { clamavAddress, ConfigError, parseConfig } from './config.ts';

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

	it('reminds of unread messages after 15 minutes unless told otherwise, 0 turning it off', () => {
		expect(parseConfig({}).UNREAD_REMINDER_MINUTES).toBe(15);
		expect(parseConfig({ UNREAD_REMINDER_MINUTES: '0' }).UNREAD_REMINDER_MINUTES).toBe(0);
		expect(parseConfig({ UNREAD_REMINDER_MINUTES: '90' }).UNREAD_REMINDER_MINUTES).toBe(90);
		for (const wrong of ['-1', '1.5', 'soon', '10081']) expect(() => parseConfig({ UNREAD_REMINDER_MINUTES: wrong })).toThrow(/UNREAD_REMINDER_MINUTES/);
		// The per-address limits: the security bar's by default, an operator's choice above it.
		expect(parseConfig({})).toMatchObject({ REGISTRATIONS_PER_IP_PER_HOUR: 20, CODE_SENDS_PER_IP_PER_HALF_HOUR: 30 });
		expect(parseConfig({ REGISTRATIONS_PER_IP_PER_HOUR: '200' }).REGISTRATIONS_PER_IP_PER_HOUR).toBe(200);
		for (const wrong of ['0', '-5', 'many']) expect(() => parseConfig({ CODE_SENDS_PER_IP_PER_HALF_HOUR: wrong })).toThrow(/CODE_SENDS_PER_IP_PER_HALF_HOUR/);
	});

	it('supports four-digit codes and refuses lengths outside 4 to 8', () => {
		expect(parseConfig({ OTP_LENGTH: '4' }).OTP_LENGTH).toBe(4);
		expect(() => parseConfig({ OTP_LENGTH: '3' })).toThrow(/OTP_LENGTH/);
	});

	it('stores documents locally, with a 20 MB upload limit and no scanner, unless told otherwise', () => {
		const config = parseConfig({});
		expect(config.S3_BUCKET).toBeUndefined();
		expect(config.S3_REGION).toBe('us-east-1');
		expect(config.S3_FORCE_PATH_STYLE).toBe(true);
		expect(config.CLAMAV_HOST).toBeUndefined();
		expect(config.CLAMAV_TIMEOUT_MS).toBe(30_000);
		expect(config.UPLOAD_MAX_BYTES).toBe(20_971_520);
	});

	it('asks for both S3 keys when a bucket is set', () => {
		expect(() => parseConfig({ S3_BUCKET: 'documents' })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: required when S3_BUCKET is set/);
		expect(() => parseConfig({ S3_BUCKET: 'documents', S3_ACCESS_KEY_ID: 'id' })).toThrow(/S3_SECRET_ACCESS_KEY/);
		const config = parseConfig({ S3_BUCKET: 'documents', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_ENDPOINT: 'https://minio.example.kz', S3_REGION: 'kz-1', S3_FORCE_PATH_STYLE: 'false' });
		expect(config).toMatchObject({ S3_BUCKET: 'documents', S3_ENDPOINT: 'https://minio.example.kz', S3_REGION: 'kz-1', S3_FORCE_PATH_STYLE: false });
	});

	it('checks the S3 endpoint and the path-style switch', () => {
		expect(() => parseConfig({ S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
		expect(() => parseConfig({ S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(/S3_FORCE_PATH_STYLE/);
		expect(parseConfig({ S3_FORCE_PATH_STYLE: '0' }).S3_FORCE_PATH_STYLE).toBe(false);
	});

	it('accepts clamd as host or host:port, defaulting to port 3310', () => {
		expect(clamavAddress(parseConfig({ CLAMAV_HOST: 'clamav' }).CLAMAV_HOST ?? '')).toEqual({ host: 'clamav', port: 3310 });
		expect(clamavAddress(parseConfig({ CLAMAV_HOST: '10.0.0.5:3311' }).CLAMAV_HOST ?? '')).toEqual({ host: '10.0.0.5', port: 3311 });
		expect(clamavAddress(parseConfig({ CLAMAV_HOST: '[::1]:3310' }).CLAMAV_HOST ?? '')).toEqual({ host: '::1', port: 3310 });
		expect(clamavAddress('[::1]')).toEqual({ host: '::1', port: 3310 });
		for (const wrong of ['tcp://clamav:3310', 'clamav:', 'clamav:99999', 'clamav:0', 'clam av']) expect(() => parseConfig({ CLAMAV_HOST: wrong }), wrong).toThrow(/CLAMAV_HOST/);
		expect(parseConfig({ CLAMAV_TIMEOUT_MS: '5000' }).CLAMAV_TIMEOUT_MS).toBe(5000);
		expect(() => parseConfig({ CLAMAV_TIMEOUT_MS: 'soon' })).toThrow(/CLAMAV_TIMEOUT_MS/);
	});

	it('takes the upload limit in bytes', () => {
		expect(parseConfig({ UPLOAD_MAX_BYTES: '10485760' }).UPLOAD_MAX_BYTES).toBe(10_485_760);
		expect(() => parseConfig({ UPLOAD_MAX_BYTES: '0' })).toThrow(/UPLOAD_MAX_BYTES/);
		expect(() => parseConfig({ UPLOAD_MAX_BYTES: '20MB' })).toThrow(/UPLOAD_MAX_BYTES/);
	});

	it('runs several processes only with PostgreSQL', () => {
		expect(parseConfig({}).WEB_CONCURRENCY).toBe(1);
		expect(parseConfig({ WEB_CONCURRENCY: '2', DATABASE_URL: 'postgres://db/app' }).WEB_CONCURRENCY).toBe(2);
		expect(() => parseConfig({ WEB_CONCURRENCY: '2' })).toThrow(/WEB_CONCURRENCY: more than one process needs DATABASE_URL/);
		expect(() => parseConfig({ WEB_CONCURRENCY: '0', DATABASE_URL: 'postgres://db/app' })).toThrow(/WEB_CONCURRENCY/);
	});
	it('reads the consultant hours and ICE servers, naming what is wrong', () => {
		const config = parseConfig({ ICE_SERVERS: '[{"urls":"stun:turn.example.kz:3478"},{"urls":["turn:turn.example.kz:3478"],"username":"u","credential":"p"}]' });
		expect(config.CONSULTANT_HOURS).toBe('mon-fri 09:00-18:00');
		expect(config.ICE_SERVERS).toHaveLength(2);
		expect(parseConfig({}).ICE_SERVERS).toEqual([]);
		expect(() => parseConfig({ CONSULTANT_HOURS: 'mon 18:00-09:00' })).toThrow(/CONSULTANT_HOURS: "mon 18:00-09:00"/);
		expect(() => parseConfig({ ICE_SERVERS: '[{"urls":"http://x"}]' })).toThrow(/ICE_SERVERS: must be a JSON array/);
		expect(() => parseConfig({ ICE_SERVERS: 'stun:x' })).toThrow(/ICE_SERVERS: must be JSON/);
	});
});
