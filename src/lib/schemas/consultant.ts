import { z } from 'zod';
import { normalizeKazakhMobile } from '../identity/phone.ts';
import { multiLineText, nameText } from './text.ts';

export const CONSULTANT_MESSAGE_MAX_LENGTH = 2000;

/** A phone (+7 7xx…) or an email: whichever the visitor wants the answer by. */
export type Contact = { kind: 'phone' | 'email'; value: string };

export function readContact(text: string): { ok: true; contact: Contact } | { ok: false; error: string } {
	const value = text.trim();
	if (value === '') return { ok: false, error: 'error_required' };
	if (value.includes('@')) {
		const email = z.email().max(254).safeParse(value);
		return email.success ? { ok: true, contact: { kind: 'email', value: email.data } } : { ok: false, error: 'error_email' };
	}
	const phone = normalizeKazakhMobile(value);
	return phone.isValid ? { ok: true, contact: { kind: 'phone', value: phone.e164 } } : { ok: false, error: 'error_consultant_contact' };
}

const contactField = z.string().transform((value, context) => {
	const read = readContact(value);
	if (read.ok) return read.contact;
	context.addIssue({ code: 'custom', message: read.error });
	return z.NEVER;
});

/** Who a visitor without an account is: a name, a way to reach them and consent to processing it. */
export const visitorIdentitySchema = z.object({
	name: nameText(100),
	contact: contactField,
	consent: z.literal('yes', 'error_consent')
});

export const consultantTextSchema = multiLineText(CONSULTANT_MESSAGE_MAX_LENGTH);

/** Outside working hours: the same identity, and the question itself, which is required. */
export const offlineQuestionSchema = visitorIdentitySchema.extend({ question: consultantTextSchema });
