import type { ApplicationStatus } from '../../applications/status.ts';
import type { Locale } from '../../i18n/localized.ts';
import { messageByKey } from '../../i18n/message-by-key.ts';
import { m } from '../../paraglide/messages.js';
import type { Channel, OutgoingMessage } from './transport.ts';

/**
 * The wording of every SMS and email the portal sends, one function per notification, in the
 * reader's language; the texts themselves are in messages/*.json. Operations add the recipient and
 * queue it: `enqueueMessage(tx, { to: phone, ...loginCode(locale, { code }) })`.
 */
export type Notification = Omit<OutgoingMessage, 'to'>;

const sms = (text: string): Notification => ({ channel: 'sms', text });
const email = (subject: string, text: string): Notification => ({ channel: 'email', subject, text });

export const registrationCode = (locale: Locale, { code }: { code: string }) => sms(m.sms_code_registration({ code }, { locale }));

export const loginCode = (locale: Locale, { code }: { code: string }) => sms(m.sms_code_login({ code }, { locale }));

/** The code confirming a new password, whether set from a reset link or in the settings. */
export const passwordCode = (locale: Locale, { code }: { code: string }) => sms(m.sms_code_password_reset({ code }, { locale }));

export const phoneChangeCode = (locale: Locale, { code }: { code: string }) => sms(m.sms_code_phone_change({ code }, { locale }));

/** To the owner of an IIN/BIN someone tried to register again. */
export const registrationAttempt = (locale: Locale) => sms(m.sms_registration_attempt({}, { locale }));

export const passwordResetLink = (locale: Locale, { link }: { link: string }) => email(m.email_reset_subject({}, { locale }), m.email_reset_text({ link }, { locale }));

export const passwordChanged = (locale: Locale) => email(m.email_password_changed_subject({}, { locale }), m.email_password_changed_text({}, { locale }));

export const emailChangeLink = (locale: Locale, { link }: { link: string }) => email(m.email_change_subject({}, { locale }), m.email_change_text({ link }, { locale }));

/** To a newcomer a provider admin invited: where to set a password and an authenticator. */
export const staffInvitationLink = (locale: Locale, { link, provider }: { link: string; provider: string }) =>
	email(m.email_staff_invitation_subject({ provider }, { locale }), m.email_staff_invitation_text({ link, provider }, { locale }));

/** An application's new status, by the channel the applicant chose: the same text as SMS or email. */
export function applicationStatusChanged(locale: Locale, { channel, number, status }: { channel: Channel; number: string; status: ApplicationStatus }): Notification {
	const text = m.notify_status_text({ number, status: messageByKey(`status_${status}`, {}, locale) }, { locale });
	return channel === 'email' ? email(m.notify_status_subject({ number }, { locale }), text) : sms(text);
}

/** An office action that keeps the status (an executor assigned), told with the thread's own words. */
export function applicationEventNotice(locale: Locale, { channel, event, params }: { channel: Channel; event: string; params: Record<string, string> & { number: string } }): Notification {
	const text = m.notify_event_text({ text: messageByKey(`thread_${event.replace('.', '_')}`, params, locale) }, { locale });
	return channel === 'email' ? email(m.notify_event_subject({ number: params.number }, { locale }), text) : sms(text);
}

/** A message from the provider still unread after the quiet period, with the link to the thread. */
export function unreadMessageReminder(locale: Locale, { channel, number, link }: { channel: Channel; number: string; link: string }): Notification {
	const text = m.notify_unread_text({ number, link }, { locale });
	return channel === 'email' ? email(m.notify_unread_subject({ number }, { locale }), text) : sms(text);
}

/** The consultant's answer to a question left outside working hours, by the contact the visitor gave. */
export function consultantAnswer(locale: Locale, { channel, answer }: { channel: Channel; answer: string }): Notification {
	return channel === 'sms' ? sms(m.sms_consultant_answer({ answer }, { locale })) : email(m.email_consultant_answer_subject({}, { locale }), m.email_consultant_answer_text({ answer }, { locale }));
}

/** A conversation with the consultant, as its transcript. */
export const consultantTranscript = (locale: Locale, { transcript }: { transcript: string }) =>
	email(m.email_consultant_transcript_subject({}, { locale }), m.email_consultant_transcript_text({ transcript }, { locale }));
