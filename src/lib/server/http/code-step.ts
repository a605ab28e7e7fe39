import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '../../paraglide/runtime.js';
import { route } from '../../route.ts';
import { canUseOffice } from '../access/actor.ts';
import { canConsult } from '../access/consultant-policy.ts';
import { confirmCode } from '../accounts/confirm-code.ts';
import { challengeFactor } from '../accounts/otp.ts';
import { resendCode } from '../accounts/resend-code.ts';
import type { OtpPurpose } from '../accounts/schema.ts';
import { getDb } from '../app-context.ts';
import { getConfig } from '../config.ts';
import { clearChallengeCookie, readChallengeCookie, setSessionCookie } from './cookies.ts';
import { readFormFields, requestContext, safeNextPath } from './form.ts';
import { runOperation } from './run-operation.ts';

/**
 * The SMS-code step shared by registration and sign-in: the routes only say which attempt it is
 * and where a new attempt starts.
 */
export function codeStep(purpose: OtpPurpose, restartPath: string) {
	return {
		load: async (event: RequestEvent) => {
			const challengeId = readChallengeCookie(event.cookies);
			const factor = challengeId ? await runOperation(async () => challengeFactor(await getDb(), challengeId)) : null;
			return { hasAttempt: factor !== null, factor: factor ?? 'sms', codeLength: factor === 'totp' ? 6 : getConfig().OTP_LENGTH, restartPath };
		},
		actions: {
			verify: async (event: RequestEvent) => {
				const challengeId = readChallengeCookie(event.cookies);
				if (!challengeId) return fail(400, { error: 'error_code_session' });
				const fields = await readFormFields(event.request);
				const code = (fields.code ?? '').replace(/\s/g, '');
				const length = (await runOperation(async () => challengeFactor(await getDb(), challengeId))) === 'totp' ? 6 : getConfig().OTP_LENGTH;
				if (!new RegExp(`^\\d{${length}}$`).test(code)) return fail(400, { error: 'error_code_format', length });
				const outcome = await runOperation(async () =>
					confirmCode(await getDb(), { challengeId, purpose, code, userAgent: event.request.headers.get('user-agent'), ipAddress: event.getClientAddress() })
				);
				if (outcome.status === 'signed_in') {
					clearChallengeCookie(event.cookies, event.url);
					setSessionCookie(event.cookies, event.url, outcome.session, outcome.isRemembered);
					// Staff come to work: their day starts in the office, the visitor's on the home page.
					const landing = canConsult({ role: outcome.role }) ? route.officeConsultant() : canUseOffice({ role: outcome.role, providerId: outcome.providerId }) ? route.office() : route.home();
					redirect(303, safeNextPath(outcome.next) ?? localizeHref(landing, { locale: event.locals.locale }));
				}
				if (outcome.status === 'confirmed') {
					clearChallengeCookie(event.cookies, event.url);
					redirect(303, safeNextPath(outcome.next) ?? localizeHref(route.home(), { locale: event.locals.locale }));
				}
				switch (outcome.status) {
					case 'wrong':
						return fail(400, { error: 'error_code_wrong', attempts: outcome.attemptsLeft });
					case 'locked':
						return fail(429, { error: 'error_too_many_requests', minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
					case 'expired':
						return fail(400, { error: 'error_code_expired' });
					case 'exhausted':
						return fail(400, { error: 'error_code_exhausted' });
					default:
						clearChallengeCookie(event.cookies, event.url);
						return fail(400, { error: 'error_code_session' });
				}
			},
			resend: async (event: RequestEvent) => {
				const challengeId = readChallengeCookie(event.cookies);
				if (!challengeId) return fail(400, { error: 'error_code_session' });
				const outcome = await runOperation(async () => resendCode(await getDb(), { challengeId, purpose }, requestContext(event)));
				if (outcome.status === 'resent') return { resent: true };
				if (outcome.status === 'too_soon') return fail(429, { error: 'code_resend_wait', seconds: outcome.retryAfterSeconds });
				if (outcome.status === 'rate_limited') return fail(429, { error: 'error_too_many_requests', minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
				return fail(400, { error: 'error_code_session' });
			}
		}
	};
}
