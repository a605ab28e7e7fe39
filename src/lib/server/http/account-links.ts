import { localizeHref } from '../../paraglide/runtime.js';
import type { AccountLinks } from '../accounts/account-links.ts';
import { getConfig, publicOrigin } from '../config.ts';

/** The site's addresses for account emails and attempts; emailed links are absolute, on the public origin. */
export function accountLinks(origin = publicOrigin(getConfig())): AccountLinks {
	return {
		passwordReset: (locale, token) => `${origin}${localizeHref('/password-recovery/reset', { locale })}?token=${token}`,
		emailChange: (locale, token) => `${origin}${localizeHref('/profile-email', { locale })}?token=${token}`,
		profileSaved: (locale) => `${localizeHref('/profile', { locale })}?saved`
	};
}
