import { FINAL_STATUSES, type ApplicationStatus } from './status.ts';

/**
 * The "waiting time" column of My applications: days left until the service's term runs out,
 * counted in Kazakhstan calendar days from the day the application was sent. The clock stops
 * while the application waits on the applicant (returned for correction, awaiting a signature).
 */
export type WaitingTime = { kind: 'not_sent' } | { kind: 'finished' } | { kind: 'days_left'; days: number; isPaused: boolean } | { kind: 'overdue'; days: number; isPaused: boolean };

const DAY_MS = 24 * 60 * 60 * 1000;
// Kazakhstan has kept UTC+5 all year since March 2024.
const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

function kazakhstanDay(instant: Date): number {
	return Math.floor((instant.getTime() + KAZAKHSTAN_OFFSET_MS) / DAY_MS);
}

export interface WaitingTimeInput {
	status: ApplicationStatus;
	submittedAt: Date | null;
	termDays: number;
	/** Seconds the clock already stood still in earlier pauses. */
	pausedSeconds: number;
	/** When the current pause began, while the application waits on the applicant. */
	clockPausedAt: Date | null;
	now: Date;
}

export function waitingTime(input: WaitingTimeInput): WaitingTime {
	if (input.status === 'draft' || !input.submittedAt) return { kind: 'not_sent' };
	if (FINAL_STATUSES.includes(input.status)) return { kind: 'finished' };
	const isPaused = input.clockPausedAt !== null;
	const clockNow = input.clockPausedAt ?? input.now;
	const pausedDays = Math.floor(input.pausedSeconds / 86_400);
	const elapsed = kazakhstanDay(clockNow) - kazakhstanDay(input.submittedAt) - pausedDays;
	const left = input.termDays - Math.max(0, elapsed);
	return left >= 0 ? { kind: 'days_left', days: left, isPaused } : { kind: 'overdue', days: -left, isPaused };
}
