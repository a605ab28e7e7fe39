import { z } from 'zod';

const portNumber = z.coerce.number().int().min(1).max(65535);

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
	RENDER_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(2000)
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
	if (problems.length > 0) throw new ConfigError(problems);
	return config;
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
