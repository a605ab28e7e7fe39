import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts: the SvelteKit plugin is not needed for unit and database tests.
export default defineConfig({
	// Kit's generated base tsconfig is not needed to strip types in tests.
	oxc: { tsconfig: false },
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
