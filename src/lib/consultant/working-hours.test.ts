import { describe, expect, it } from 'vitest';
import { almatyWeekMinute, clockText, isWithinHours, parseWorkingHours } from './working-hours.ts';

describe('working hours', () => {
	it('reads ranges of days and single days', () => {
		const parsed = parseWorkingHours('mon-fri 09:00-18:00, sat 10:00-14:30');
		expect(parsed).toEqual({
			ok: true,
			hours: { mon: { from: 540, to: 1080 }, tue: { from: 540, to: 1080 }, wed: { from: 540, to: 1080 }, thu: { from: 540, to: 1080 }, fri: { from: 540, to: 1080 }, sat: { from: 600, to: 870 } }
		});
		expect(parseWorkingHours('')).toEqual({ ok: true, hours: {} });
		expect(parseWorkingHours('mon-sun 00:00-24:00').ok).toBe(true);
	});

	it('refuses what it cannot read, saying where', () => {
		for (const text of ['monday 09:00-18:00', 'fri-mon 09:00-18:00', 'mon 18:00-09:00', 'mon 9-18', 'mon 09:00-25:00', 'mon 09:00-18:00, mon 10:00-11:00']) {
			const parsed = parseWorkingHours(text);
			expect(parsed.ok, text).toBe(false);
		}
	});

	it('tells the time in Almaty (UTC+5), whatever the server clock', () => {
		// Tuesday 1 December 2026, 03:59 UTC = 08:59 in Almaty.
		expect(almatyWeekMinute(new Date('2026-12-01T03:59:00Z'))).toEqual({ day: 'tue', minute: 8 * 60 + 59 });
		// Sunday 23:30 UTC is already Monday 04:30 in Almaty.
		expect(almatyWeekMinute(new Date('2026-12-06T23:30:00Z'))).toEqual({ day: 'mon', minute: 4 * 60 + 30 });
	});

	it('is open from the start minute up to, not including, the end', () => {
		const parsed = parseWorkingHours('mon-fri 09:00-18:00');
		if (!parsed.ok) throw new Error(parsed.error);
		expect(isWithinHours(parsed.hours, new Date('2026-12-01T03:59:00Z'))).toBe(false);
		expect(isWithinHours(parsed.hours, new Date('2026-12-01T04:00:00Z'))).toBe(true);
		expect(isWithinHours(parsed.hours, new Date('2026-12-01T12:59:00Z'))).toBe(true);
		expect(isWithinHours(parsed.hours, new Date('2026-12-01T13:00:00Z'))).toBe(false);
		// Saturday noon in Almaty: a day off.
		expect(isWithinHours(parsed.hours, new Date('2026-12-05T07:00:00Z'))).toBe(false);
		expect(clockText(540)).toBe('09:00');
	});
});
