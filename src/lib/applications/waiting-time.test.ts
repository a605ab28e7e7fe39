import { describe, expect, it } from 'vitest';
import { waitingTime, type WaitingTimeInput } from './waiting-time.ts';

const base: WaitingTimeInput = { status: 'submitted', submittedAt: null, termDays: 30, pausedSeconds: 0, clockPausedAt: null, now: new Date('2018-11-29T10:00:00+05:00') };

describe('waitingTime', () => {
	it('counts days left as the manual shows: sent a day earlier, a day less', () => {
		// Term 30 days, viewed on 29 November: sent on 15/11 → 16 days, sent on 14/11 → 15 days.
		expect(waitingTime({ ...base, submittedAt: new Date('2018-11-15T09:00:00+05:00') })).toEqual({ kind: 'days_left', days: 16, isPaused: false });
		expect(waitingTime({ ...base, submittedAt: new Date('2018-11-14T18:00:00+05:00') })).toEqual({ kind: 'days_left', days: 15, isPaused: false });
	});

	it('counts Kazakhstan calendar days, not 24-hour spans', () => {
		// 23:30 in Almaty is still the 14th there, though it is the 14th 18:30 UTC.
		const late = waitingTime({ ...base, submittedAt: new Date('2018-11-14T23:30:00+05:00'), now: new Date('2018-11-15T00:10:00+05:00') });
		expect(late).toEqual({ kind: 'days_left', days: 29, isPaused: false });
	});

	it('shows how long an application is overdue', () => {
		expect(waitingTime({ ...base, termDays: 10, submittedAt: new Date('2018-11-15T09:00:00+05:00') })).toEqual({ kind: 'overdue', days: 4, isPaused: false });
	});

	it('stops the clock while the application waits on the applicant', () => {
		const paused = waitingTime({
			...base,
			status: 'returned',
			submittedAt: new Date('2018-11-15T09:00:00+05:00'),
			clockPausedAt: new Date('2018-11-20T09:00:00+05:00'),
			now: new Date('2018-12-30T09:00:00+05:00')
		});
		expect(paused).toEqual({ kind: 'days_left', days: 25, isPaused: true });
		const resumed = waitingTime({ ...base, status: 'in_progress', submittedAt: new Date('2018-11-15T09:00:00+05:00'), pausedSeconds: 3 * 86_400 });
		expect(resumed).toEqual({ kind: 'days_left', days: 19, isPaused: false });
	});

	it('says "not sent" for drafts and nothing for finished applications', () => {
		expect(waitingTime({ ...base, status: 'draft' })).toEqual({ kind: 'not_sent' });
		expect(waitingTime({ ...base, status: 'completed', submittedAt: new Date() })).toEqual({ kind: 'finished' });
	});
});
