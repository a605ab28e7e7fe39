import { z } from 'zod';
import { checkIin, normalizeIdentifier } from '../identity/iin-bin.ts';
import { nameText, optionalNameText } from './text.ts';

/** A provider admin's invitation form: who the new colleague is, where the link goes, and their role. */
export const staffInvitationSchema = z
	.object({
		lastName: nameText(100),
		firstName: nameText(100),
		patronymic: optionalNameText(100),
		login: z.string().transform(normalizeIdentifier),
		email: z.string().trim().min(1, 'error_required').max(254, 'error_too_long').pipe(z.email('error_email')),
		role: z.enum(['supervisor', 'executor', 'provider-admin'], 'error_staff_invalid_role')
	})
	.superRefine(
		(raw, ctx) => {
			const login = normalizeIdentifier(typeof (raw as { login?: unknown }).login === 'string' ? (raw as { login: string }).login : '');
			if (login === '') ctx.addIssue({ code: 'custom', path: ['login'], message: 'error_required' });
			else {
				const check = checkIin(login);
				if (!check.isValid) ctx.addIssue({ code: 'custom', path: ['login'], message: `error_iin_${check.problem === 'format' ? 'format' : 'invalid'}` });
			}
		},
		{ when: () => true }
	);

export type StaffInvitationInput = z.output<typeof staffInvitationSchema>;
