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
	if (result.data.APP_MODE === 'production' && !result.data.DATABASE_URL) {
		throw new ConfigError(['DATABASE_URL: required when APP_MODE=production (the embedded database is for trying the portal out)']);
	}
	return result.data;
}

let cached: AppConfig | undefined;

export function getConfig(): AppConfig {
	cached ??= parseConfig(process.env);
	return cached;
}
