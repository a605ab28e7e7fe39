import { describe, expect, it } from 'vitest';
import { readRatingPeriod } from './rating-period.ts';

const NOW = new Date('2026-12-01T20:00:00Z'); // 2 December, 01:00 in Almaty

describe('the rating period', () => {
	it('takes two days of Almaty time, the last one included', () => {
		const period = readRatingPeriod(new URLSearchParams('from=2026-11-01&to=2026-11-30'), NOW);
		expect(period.from.toISOString()).toBe('2026-10-31T19:00:00.000Z');
		expect(period.to.toISOString()).toBe('2026-11-30T19:00:00.000Z');
	});

	it('falls back to the last 30 days, Almaty calendar, for anything else', () => {
		for (const query of ['', 'from=2026-12-05&to=2026-12-01', 'from=x&to=y', 'from=2026-13-45&to=2026-14-01']) {
			const period = readRatingPeriod(new URLSearchParams(query), NOW);
			expect(period.toText, query).toBe('2026-12-02');
			expect(period.fromText, query).toBe('2026-11-03');
		}
	});
});
