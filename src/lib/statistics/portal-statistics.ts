/** The year's figures the home page shows: nothing personal, only counts and shares. */
export interface PortalStatistics {
	year: number;
	/** Applications sent this year (Almaty calendar). */
	received: number;
	/** Of those, completed. */
	completed: number;
	/** Share of those completed that finished within the service's term, 0 to 1; null with none. */
	withinTermShare: number | null;
	/** The average overall score given this year; null below the number of ratings shown anywhere. */
	averageRating: number | null;
	ratings: number;
	/** Month 1–12: sent, and of those completed, by the month they were sent. */
	months: { month: number; received: number; completed: number }[];
}
