/**
 * Application numbers as the portal has always shown them: `<sequence>-<DD>-<MM>-<YY>`, e.g.
 * `2065-15-11-18` — a portal-wide sequence and the date the draft was created, in Kazakhstan time.
 */
const KAZAKHSTAN_TIME_ZONE = 'Asia/Almaty';

export function formatApplicationNumber(sequence: number, createdAt: Date): string {
	if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: KAZAKHSTAN_TIME_ZONE, day: '2-digit', month: '2-digit', year: '2-digit' }).formatToParts(createdAt);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
	return `${sequence}-${part('day')}-${part('month')}-${part('year')}`;
}

const NUMBER_PATTERN = /^(\d+)-(\d{2})-(\d{2})-(\d{2})$/;

/** Reads a typed application number back into its parts, or null when it is not one. */
export function parseApplicationNumber(value: string): { sequence: number; day: number; month: number; year: number } | null {
	const match = NUMBER_PATTERN.exec(value.trim());
	if (!match) return null;
	const [, sequence, day, month, year] = match.map(Number) as [number, number, number, number, number];
	if (sequence < 1 || month < 1 || month > 12 || day < 1 || day > 31) return null;
	return { sequence, day, month, year };
}
