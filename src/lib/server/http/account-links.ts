import { localizeHref } from '../../paraglide/runtime.js';
import { route } from '../../route.ts';
import type { AccountLinks } from '../accounts/account-links.ts';
import { getConfig, publicOrigin } from '../config.ts';

/** The site's addresses for account emails and attempts; emailed links are absolute, on the public origin. */
export function accountLinks(origin = publicOrigin(getConfig())): AccountLinks {
	return {
		passwordReset: (locale, token) => new URL(localizeHref(route.passwordRecoveryReset({ token }), { locale }), origin).href,
		emailChange: (locale, token) => new URL(localizeHref(route.profileEmail({ token }), { locale }), origin).href,
		staffInvitation: (locale, token) => new URL(localizeHref(route.staffInvitation({ token }), { locale }), origin).href,
		profileSaved: (locale) => localizeHref(route.profile({ saved: true }), { locale })
	};
}
