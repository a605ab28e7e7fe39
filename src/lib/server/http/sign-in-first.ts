import { redirect } from '@sveltejs/kit';
import type { Locale } from '../../i18n/localized.ts';
import { localizeHref } from '../../paraglide/runtime.js';
import { route } from '../../route.ts';

/** Sends a visitor to sign in, to come back to `back` (a path on this site) afterwards. */
export function signInFirst(locale: Locale, back: string): never {
	redirect(303, localizeHref(route.login({ next: back }), { locale }));
}
