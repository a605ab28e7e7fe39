/** Attempt limits from the security bar, in one place. */
export const LIMITS = {
	/**
	 * Failed sign-ins per IIN/BIN from one IP address per hour: the lockout a guesser meets. Counting
	 * it per source means ten wrong passwords from anywhere no longer lock the owner out everywhere.
	 */
	loginFailuresPerAccountAndIp: { limit: 10, windowSeconds: 3600 },
	/**
	 * Failed sign-ins per IIN/BIN per hour from all sources together, before sign-in is locked for
	 * the rest of the hour (NIST SP 800-63B allows at most 100). The owner still gets in with the
	 * emailed recovery link: a password reset clears the account's counters.
	 */
	loginFailuresPerAccount: { limit: 100, windowSeconds: 3600 },
	/** Failed sign-ins from one IP address per hour, whatever the IIN/BIN. */
	loginFailuresPerIp: { limit: 100, windowSeconds: 3600 },
	/** SMS codes per account per 30 minutes. */
	codeSendsPerAccount: { limit: 5, windowSeconds: 1800 },
	/** SMS codes per IP address per 30 minutes, so nobody runs up the SMS bill. */
	codeSendsPerIp: { limit: 30, windowSeconds: 1800 },
	/** Wrong codes per account and step; then that step is blocked for two hours. */
	codeFailuresPerAccount: { limit: 6, windowSeconds: 7200 },
	/** Registrations started from one IP address per hour. */
	registrationsPerIp: { limit: 20, windowSeconds: 3600 },
	/** SMS telling an owner that someone tried to register with their IIN/BIN: one a day is enough to warn, more would be spam. */
	registrationNoticesPerAccount: { limit: 1, windowSeconds: 24 * 3600 },
	/** Files an applicant may upload per hour: far above any real package, far below flooding the disk. */
	uploadsPerAccount: { limit: 200, windowSeconds: 3600 }
};

/**
 * The per-address limits are an operator's to raise: a business centre or an office behind one
 * public address registers and signs in many people. Called once at start-up with the configuration.
 */
export function setPerAddressLimits(limits: { registrationsPerHour: number; codeSendsPerHalfHour: number }): void {
	LIMITS.registrationsPerIp.limit = limits.registrationsPerHour;
	LIMITS.codeSendsPerIp.limit = limits.codeSendsPerHalfHour;
}
