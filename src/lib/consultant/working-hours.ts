/**
 * When the virtual consultant answers live, per weekday in Almaty time, written in configuration as
 * `mon-fri 09:00-18:00, sat 10:00-14:00` (days not listed are days off). Outside these hours, or
 * with nobody on duty, a visitor leaves a question to be answered later.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes from midnight: `[from, to)` of each day's one stretch. */
export type WorkingHours = Partial<Record<Weekday, { from: number; to: number }>>;

export type HoursParse = { ok: true; hours: WorkingHours } | { ok: false; error: string };

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutes(text: string): number | null {
	const match = TIME.exec(text);
	if (!match) return null;
	const value = Number(match[1]) * 60 + Number(match[2]);
	return value <= 24 * 60 ? value : null;
}

export function parseWorkingHours(text: string): HoursParse {
	const hours: WorkingHours = {};
	for (const part of text.split(',').map((entry) => entry.trim()).filter(Boolean)) {
		const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\S+)-(\S+)$/.exec(part.toLowerCase());
		if (!match) return { ok: false, error: `"${part}" is not like "mon-fri 09:00-18:00"` };
		const first = WEEKDAYS.indexOf(match[1] as Weekday);
		const last = match[2] ? WEEKDAYS.indexOf(match[2] as Weekday) : first;
		const from = minutes(match[3]!);
		const to = minutes(match[4]!);
		if (first < 0 || last < 0 || last < first) return { ok: false, error: `"${part}": days are mon, tue, wed, thu, fri, sat, sun, in order` };
		if (from === null || to === null || to <= from) return { ok: false, error: `"${part}": hours are HH:MM-HH:MM with the end after the start` };
		for (let day = first; day <= last; day++) {
			if (hours[WEEKDAYS[day]!]) return { ok: false, error: `"${part}": ${WEEKDAYS[day]} is given twice` };
			hours[WEEKDAYS[day]!] = { from, to };
		}
	}
	return { ok: true, hours };
}

const almatyClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Almaty', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The weekday and minute of the day in Almaty at `now`. */
export function almatyWeekMinute(now: Date): { day: Weekday; minute: number } {
	const parts = Object.fromEntries(almatyClock.formatToParts(now).map((part) => [part.type, part.value]));
	return { day: String(parts.weekday).toLowerCase().slice(0, 3) as Weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function isWithinHours(hours: WorkingHours, now: Date): boolean {
	const { day, minute } = almatyWeekMinute(now);
	const today = hours[day];
	return today !== undefined && minute >= today.from && minute < today.to;
}

/** `09:00`, for showing the hours to visitors. */
export function clockText(minute: number): string {
	return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
