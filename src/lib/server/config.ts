import { z } from 'zod';
import { parseWorkingHours } from '../consultant/working-hours.ts';

const portNumber = z.coerce.number().int().min(1).max(65535);
const iceUrl = z.string().regex(/^(stun|stuns|turn|turns):[^\s]+$/);
const iceServersSchema = z.array(z.object({ urls: z.union([iceUrl, z.array(iceUrl).min(1)]), username: z.string().optional(), credential: z.string().optional() }).strict()).max(10);
const milliseconds = z.coerce.number().int().min(100).max(24 * 3_600_000);

const configSchema = z.object({
	APP_MODE: z.enum(['demo', 'development', 'production']).default('demo'),
	PORT: portNumber.default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
	TRUSTED_PROXY_HEADER: z
		.string()
		.regex(/^[A-Za-z0-9-]+$/, 'must be a header name such as x-forwarded-for')
		.optional(),
	/** The provider organisation that runs the portal; its contacts are shown on the support page. */
	OPERATOR_PROVIDER_SLUG: z.string().regex(/^[a-z0-9-]+$/).default('atameken'),
	OTP_LENGTH: z.coerce.number().int().min(4).max(8).default(6),
	SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
	SMTP_FROM: z.string().min(3).default('Atameken Services <no-reply@localhost>'),
	SMS_PROVIDER: z.enum(['mobizon', 'smsc']).optional(),
	MOBIZON_API_KEY: z.string().min(1).optional(),
	MOBIZON_API_URL: z.url().optional(),
	MOBIZON_FROM: z.string().optional(),
	SMSC_LOGIN: z.string().min(1).optional(),
	SMSC_PASSWORD: z.string().min(1).optional(),
	SMSC_API_URL: z.url().optional(),
	SMSC_SENDER: z.string().optional(),
	/** Minutes a message from the provider may stay unread before the applicant is reminded (0: never); at most a week. */
	UNREAD_REMINDER_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(15),
	REGISTRATIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
	/** Documents checked on the public verification page from one address in an hour (each may ask an OCSP responder). */
	VERIFY_CHECKS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(60),
	CODE_SENDS_PER_IP_PER_HALF_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
	RENDER_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(2000),
	/** Server processes sharing the port (with PostgreSQL only: the embedded database belongs to one process). */
	WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
	/** Application documents go to this S3-compatible bucket when set; otherwise to `DATA_DIR/files`. */
	S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
	S3_REGION: z.string().min(1).default('us-east-1'),
	S3_BUCKET: z.string().min(1).optional(),
	S3_ACCESS_KEY_ID: z.string().min(1).optional(),
	S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
	/** MinIO and most self-hosted stores need path-style addresses (`endpoint/bucket/key`). */
	S3_FORCE_PATH_STYLE: z.stringbool().default(true),
	/** clamd's address (`host` or `host:port`); when set, every upload is scanned and refused if clamd cannot answer. */
	CLAMAV_HOST: z
		.string()
		.regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/, 'must be host or host:port, such as clamav:3310')
		.optional(),
	CLAMAV_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
	/** PEM or DER certificates of the roots EDS signatures must chain to (the national PKI's); outside production the demo's test CA is trusted as well. */
	TRUST_STORE_DIR: z.string().min(1).optional(),
	/**
	 * Whether a signer's certificate is checked for revocation through OCSP before a signature counts:
	 * `off`; `best-effort` (a responder that cannot be reached is logged and passed over); `required`
	 * (no good answer, no signature).
	 */
	REVOCATION_CHECK: z.enum(['off', 'best-effort', 'required']).default('off'),
	/** The OCSP responder to ask; unset, the one each certificate names (its AIA extension). */
	OCSP_URL: z.url({ protocol: /^https?$/ }).optional(),
	/** How long an OCSP responder may take to answer. */
	OCSP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
	/** NCANode (v3), which verifies GOST signatures; unset, they are refused. */
	NCANODE_URL: z.url({ protocol: /^https?$/ }).optional(),
	/** The National Bank of Kazakhstan's rates feed, read in the background for the header. */
	RATES_FEED_URL: z.url({ protocol: /^https?$/ }).default('https://nationalbank.kz/rss/rates_all.xml'),
	/** Minutes between two reads of the rates feed; 0 never reads it (the last stored rates stay). */
	RATES_REFRESH_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(30),
	/** Minutes between two updates of the home page's figures of the year. */
	STATISTICS_REFRESH_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
	RATES_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
	NCANODE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
	/** When the virtual consultant answers live, in Almaty time: `mon-fri 09:00-18:00, sat 10:00-14:00`. */
	CONSULTANT_HOURS: z
		.string()
		.default('mon-fri 09:00-18:00')
		.refine((text) => parseWorkingHours(text).ok, { error: (issue) => { const parsed = parseWorkingHours(String(issue.input)); return parsed.ok ? 'invalid' : parsed.error; } }),
	/**
	 * STUN and TURN servers for the consultant's calls, as the browser's `iceServers` in JSON:
	 * `[{"urls":"stun:turn.example.kz:3478"},{"urls":"turn:turn.example.kz:3478","username":"u","credential":"p"}]`.
	 * Unset, calls connect only where the two browsers reach each other directly.
	 */
	ICE_SERVERS: z
		.string()
		.default('[]')
		.transform((text, context) => {
			try {
				const parsed = iceServersSchema.safeParse(JSON.parse(text));
				if (parsed.success) return parsed.data;
				context.addIssue({ code: 'custom', message: 'must be a JSON array of {"urls", "username"?, "credential"?} with stun:, stuns:, turn: or turns: addresses' });
			} catch {
				context.addIssue({ code: 'custom', message: 'must be JSON' });
			}
			return z.NEVER;
		}),
	/** The largest file any document type may allow (the request body limit derives from it); 20 MB by default. */
	UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
	/** A request's headers must arrive within this time (slowloris). */
	HTTP_HEADERS_TIMEOUT_MS: milliseconds.default(20_000),
	/** A whole request, headers and body, off the upload path: forms are at most 1 MB. */
	HTTP_REQUEST_TIMEOUT_MS: milliseconds.default(60_000),
	/** A whole request to an application step, which may carry files: 20 MB at 64 kB/s takes about 5.5 minutes. */
	HTTP_UPLOAD_TIMEOUT_MS: milliseconds.default(900_000),
	/** A body that stops arriving for this long has its connection closed. */
	HTTP_BODY_IDLE_TIMEOUT_MS: milliseconds.default(30_000),
	/** Open connections one socket address may hold (0: no cap); unset, 100, or 0 behind a trusted proxy. */
	HTTP_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000).optional()
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
	readonly problems: string[];

	constructor(problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
		this.problems = problems;
	}
}

/** Reads and validates the environment; blank values count as unset so `FOO=` falls back to the default. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
	const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
	const result = configSchema.safeParse(present);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`)
		);
	}
	const config = result.data;
	const problems: string[] = [];
	if (config.APP_MODE === 'production' && !config.DATABASE_URL) problems.push('DATABASE_URL: required when APP_MODE=production (the embedded database is for trying the portal out)');
	if (config.SMS_PROVIDER === 'mobizon' && !config.MOBIZON_API_KEY) problems.push('MOBIZON_API_KEY: required when SMS_PROVIDER=mobizon');
	if (config.SMS_PROVIDER === 'smsc' && !(config.SMSC_LOGIN && config.SMSC_PASSWORD)) problems.push('SMSC_LOGIN and SMSC_PASSWORD: required when SMS_PROVIDER=smsc');
	if (config.APP_MODE === 'production' && !config.ORIGIN) problems.push('ORIGIN: required when APP_MODE=production (links in emails are built from it, never from the request)');
	if (config.APP_MODE === 'production' && (!config.SMS_PROVIDER || !config.SMTP_URL)) problems.push('SMS_PROVIDER and SMTP_URL: required when APP_MODE=production (codes must reach people)');
	if (config.WEB_CONCURRENCY > 1 && !config.DATABASE_URL) problems.push('WEB_CONCURRENCY: more than one process needs DATABASE_URL (the embedded database belongs to one process)');
	if (config.S3_BUCKET && !(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY)) problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: required when S3_BUCKET is set');
	if (config.CLAMAV_HOST && !portNumber.safeParse(clamavAddress(config.CLAMAV_HOST).port).success) problems.push('CLAMAV_HOST: the port must be between 1 and 65535');
	if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) problems.push('HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)');
	if (config.HTTP_REQUEST_TIMEOUT_MS > config.HTTP_UPLOAD_TIMEOUT_MS) problems.push('HTTP_UPLOAD_TIMEOUT_MS: must not be shorter than HTTP_REQUEST_TIMEOUT_MS');
	if (problems.length > 0) throw new ConfigError(problems);
	return config;
}

/** Splits clamd's address (`host`, `host:port` or `[ipv6]:port`, as the schema allows); clamd's own default port is 3310. */
export function clamavAddress(value: string): { host: string; port: number } {
	const match = /^(.*):(\d+)$/.exec(value);
	const host = match?.[1] ?? value;
	return { host: host.replace(/^\[(.*)\]$/, '$1'), port: match ? Number(match[2]) : 3310 };
}

let cached: AppConfig | undefined;

export function getConfig(): AppConfig {
	cached ??= parseConfig(process.env);
	return cached;
}

/** The portal's public address, for links sent by email: configured, never taken from a request's Host header. */
export function publicOrigin(config: AppConfig): string {
	return config.ORIGIN ?? `http://localhost:${config.PORT}`;
}

/**
 * How many connections one socket address may hold open. Behind a proxy every connection comes
 * from the proxy's address, so with a trusted proxy header and no explicit value there is no cap:
 * the proxy must cap connections per client itself.
 */
export function connectionsPerAddressLimit(config: AppConfig): number {
	return config.HTTP_MAX_CONNECTIONS_PER_ADDRESS ?? (config.TRUSTED_PROXY_HEADER ? 0 : 100);
}
