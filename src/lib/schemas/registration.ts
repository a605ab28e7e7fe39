import { z } from 'zod';
import { checkBin, checkIin, normalizeIdentifier } from '../identity/iin-bin.ts';
import { normalizeKazakhMobile } from '../identity/phone.ts';
import { hasInvalidCharacters, INVALID_CHARACTERS_MESSAGE, nameText, optionalNameText, withoutInvisibleFormatting } from './text.ts';

/**
 * The registration form of the manual. Error messages are message-catalogue keys (`error_*`), so
 * the page shows them in the visitor's language. Password policy is checked on the server, where
 * the list of common passwords lives.
 */
// Names go through the shared character rule (text.ts): invisible formatting removed, control characters refused.
const phoneText = () => z.string().trim().min(1, 'error_required').refine((value) => !hasInvalidCharacters(value), INVALID_CHARACTERS_MESSAGE);

export const registrationSchema = z
	.object({
		kind: z.enum(['individual', 'legal_entity']),
		firstName: nameText(100),
		lastName: nameText(100),
		patronymic: optionalNameText(100),
		organisationName: optionalNameText(300),
		login: z.string().transform(normalizeIdentifier),
		email: z.string().trim().min(1, 'error_required').max(254, 'error_too_long').pipe(z.email('error_email')),
		phone: phoneText(),
		password: z.string().min(1, 'error_required'),
		passwordRepeat: z.string().min(1, 'error_required'),
		channel: z.enum(['sms', 'email'], 'error_channel'),
		consent: z.literal('yes', 'error_consent')
	})
	// Runs even when some fields already failed, so every wrong field gets its message at once.
	.superRefine((raw, ctx) => {
		const value = raw as Record<string, unknown>;
		const str = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
		const isLegal = value.kind === 'legal_entity';
		if (isLegal && !withoutInvisibleFormatting(str('organisationName')).trim()) ctx.addIssue({ code: 'custom', path: ['organisationName'], message: 'error_required' });
		const login = normalizeIdentifier(str('login'));
		if (login === '') {
			ctx.addIssue({ code: 'custom', path: ['login'], message: 'error_required' });
		} else {
			const check = isLegal ? checkBin(login) : checkIin(login);
			if (!check.isValid) ctx.addIssue({ code: 'custom', path: ['login'], message: `error_${isLegal ? 'bin' : 'iin'}_${check.problem === 'format' ? 'format' : 'invalid'}` });
		}
		if (str('phone').trim() !== '') {
			const phone = normalizeKazakhMobile(str('phone'));
			if (!phone.isValid) ctx.addIssue({ code: 'custom', path: ['phone'], message: `error_phone_${phone.problem}` });
		}
		if (str('password') && str('passwordRepeat') && str('password') !== str('passwordRepeat')) {
			ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: 'error_password_mismatch' });
		}
	}, { when: () => true })
	.transform((value) => ({ ...value, phone: normalizeKazakhMobile(value.phone).isValid ? (normalizeKazakhMobile(value.phone) as { e164: string }).e164 : value.phone }));

export type RegistrationInput = z.output<typeof registrationSchema>;
export type FieldErrors = Partial<Record<string, string>>;

/** The first problem of each field, as message keys. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message.startsWith('error_') ? issue.message : 'error_required';
	}
	return errors;
}

/** The client card: the same personal and contact fields as registration, without login and password. */
export const profileSchema = z
	.object({
		firstName: nameText(100),
		lastName: nameText(100),
		patronymic: optionalNameText(100),
		organisationName: optionalNameText(300),
		email: z.string().trim().min(1, 'error_required').max(254, 'error_too_long').pipe(z.email('error_email')),
		phone: phoneText(),
		channel: z.enum(['sms', 'email'], 'error_channel')
	})
	.superRefine(
		(raw, ctx) => {
			const phone = typeof (raw as { phone?: unknown }).phone === 'string' ? (raw as { phone: string }).phone : '';
			if (phone.trim() !== '') {
				const check = normalizeKazakhMobile(phone);
				if (!check.isValid) ctx.addIssue({ code: 'custom', path: ['phone'], message: `error_phone_${check.problem}` });
			}
		},
		{ when: () => true }
	)
	.transform((value) => {
		const phone = normalizeKazakhMobile(value.phone);
		return { ...value, phone: phone.isValid ? phone.e164 : value.phone };
	});
