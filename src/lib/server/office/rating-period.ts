/**
 * The office's rating period from its address: two calendar days in Kazakhstan time (UTC+5), the
 * last one included; the last 30 days when not given or not valid.
 */
const DAY_MS = 86_400_000;
const OFFSET_MS = 5 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dayStart = (text: string) => new Date(Date.parse(`${text}T00:00:00Z`) - OFFSET_MS);
const dayText = (instant: Date) => new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);

export function readRatingPeriod(params: URLSearchParams, now: Date): { from: Date; to: Date; fromText: string; toText: string } {
	const today = dayText(now);
	const from = params.get('from') ?? '';
	const to = params.get('to') ?? '';
	const isValid = DATE.test(from) && DATE.test(to) && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to)) && from <= to;
	const fromText = isValid ? from : dayText(new Date(dayStart(today).getTime() - 29 * DAY_MS));
	const toText = isValid ? to : today;
	return { from: dayStart(fromText), to: new Date(dayStart(toText).getTime() + DAY_MS), fromText, toText };
}
