import type { Locale } from '../../i18n/localized.ts';

/**
 * The addresses account operations put into messages and attempts. Building the site's URLs is the
 * route layer's job (http/account-links.ts): an operation only knows the token and the language of
 * whoever will open the link.
 */
export interface AccountLinks {
	/** The absolute link of the password-reset email. */
	passwordReset(locale: Locale, token: string): string;
	/** The absolute link that confirms a new email address. */
	emailChange(locale: Locale, token: string): string;
	/** The absolute link of a staff invitation email. */
	staffInvitation(locale: Locale, token: string): string;
	/** The path a confirmed phone change returns to. */
	profileSaved(locale: Locale): string;
}
