import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts: the SvelteKit plugin is not needed for unit and database tests.
export default defineConfig({
	// Kit's generated base tsconfig (`$app/tsconfig`) is not resolvable by the transformer; tests need only type stripping.
	tsconfig: './tsconfig.vitest.json',
	resolve: {
		alias: [{ find: /^#lib\/(.*)$/, replacement: `${import.meta.dirname}/src/lib/$1` }]
	},
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks'
	}
});
