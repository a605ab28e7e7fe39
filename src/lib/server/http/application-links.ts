import { localizeHref } from '../../paraglide/runtime.js';
import { route } from '../../route.ts';
import type { ApplicationThreadLink } from '../applications/remind-unread-messages.ts';
import { getConfig, publicOrigin } from '../config.ts';

/**
 * The thread of an application in the cabinet, for reminders sent by SMS and email: absolute, on
 * the public origin, in the applicant's language, opened at the messages as the bell's link does.
 */
export function applicationThreadLink(origin = publicOrigin(getConfig())): ApplicationThreadLink {
	return (locale, number) => new URL(localizeHref(route.application(number, { hash: 'messages' }), { locale }), origin).href;
}
