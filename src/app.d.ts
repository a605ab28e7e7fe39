import type { Locale } from '#lib/i18n/localized.ts';
import type { SessionUser } from '#lib/server/accounts/session.ts';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			requestId: string;
			/** The signed-in user, or null for a visitor. */
			user: SessionUser | null;
			/** Hash of the current session's token, to tell it apart from the user's other sessions. */
			sessionTokenHash: string | null;
			/** Seconds of inactivity that end the current session (null for a visitor). */
			sessionIdleSeconds: number | null;
		}
		interface Error {
			message: string;
			reference?: string;
		}
	}
}

export {};
