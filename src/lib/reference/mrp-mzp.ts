/**
 * The monthly calculation index (АЕК / МРП) and the minimum monthly wage (ЖТМ / МЗП) in tenge, as
 * each year's budget law sets them from 1 January. 2022's index rose from 3 063 to 3 180 on 1 April
 * with an amendment; the table keeps the figure the year was budgeted with.
 */
export const MRP_MZP_BY_YEAR: Readonly<Record<number, { mrp: number; mzp: number }>> = {
	2018: { mrp: 2405, mzp: 28_284 },
	2019: { mrp: 2525, mzp: 42_500 },
	2020: { mrp: 2778, mzp: 42_500 },
	2021: { mrp: 2917, mzp: 42_500 },
	2022: { mrp: 3063, mzp: 60_000 },
	2023: { mrp: 3450, mzp: 70_000 },
	2024: { mrp: 3692, mzp: 85_000 },
	2025: { mrp: 3932, mzp: 85_000 },
	2026: { mrp: 4325, mzp: 85_000 }
};

/** Kazakhstan keeps one time zone, UTC+5, all year (since 1 March 2024). */
const ALMATY_OFFSET_MS = 5 * 3_600_000;

/** The calendar year in Almaty at `now`: the new year's figures apply from its midnight there. */
export function almatyYear(now: Date): number {
	return new Date(now.getTime() + ALMATY_OFFSET_MS).getUTCFullYear();
}

/**
 * The figures in force at `now`, with the year they are for. A year the table does not know yet
 * (its budget law not entered) keeps the latest known figures under their own year, so nobody
 * reads last year's index as this year's.
 */
export function mrpMzpAt(now: Date): { year: number; mrp: number; mzp: number } {
	const year = almatyYear(now);
	const known = Object.keys(MRP_MZP_BY_YEAR)
		.map(Number)
		.filter((y) => y <= year)
		.sort((a, b) => b - a)[0];
	const shown = known ?? Math.min(...Object.keys(MRP_MZP_BY_YEAR).map(Number));
	return { year: shown, ...MRP_MZP_BY_YEAR[shown]! };
}
