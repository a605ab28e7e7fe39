import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { accountLinks } from '../http/account-links.ts';
import { outboxMessage } from '../notifications/schema.ts';
import { changePassword } from './change-password.ts';
import { confirmCode } from './confirm-code.ts';
import { m } from '../../paraglide/messages.js';
import { LIMITS } from './limits.ts';
import { challengeFactor, issueOtp } from './otp.ts';
import { requestPasswordReset, submitNewPassword } from './password-reset.ts';
import { consumeRateLimit } from './rate-limit.ts';
import { registerAccount } from './register-account.ts';
import { resendCode } from './resend-code.ts';
import { otpChallenge, session as sessionTable, userAccount } from './schema.ts';
import { createSession, hashSessionToken } from './session.ts';
import { loginFailureKeys, startLogin } from './start-login.ts';

let handle: DatabaseHandle;
const PASSWORD = 'жазғы таулар әдемі';
const context = (ipAddress = '10.0.0.1', now = new Date('2026-03-01T10:00:00Z')) => ({ locale: 'ru' as const, ipAddress, otpLength: 6, now });
const form = (login: string, phone: string) => ({
	kind: 'individual',
	firstName: 'Асель',
	lastName: 'Каримова',
	login,
	email: 'asel@example.kz',
	phone,
	password: PASSWORD,
	passwordRepeat: PASSWORD,
	channel: 'sms',
	consent: 'yes'
});

beforeAll(async () => {
	handle = await openTestDatabase();
});
afterAll(async () => {
	await handle?.close();
});

async function activate(login: string, phone: string) {
	const registered = await registerAccount(handle.db, form(login, phone), context());
	if (registered.status !== 'code_sent') throw new Error(registered.status);
	const rows = await handle.db.select().from(outboxMessage);
	const code = /(\d{6})/.exec(rows.filter((r) => r.recipient === phone).at(-1)!.body)![1]!;
	const confirmed = await confirmCode(handle.db, { challengeId: registered.challengeId, purpose: 'registration', code, userAgent: null, ipAddress: '10.0.0.1', now: context().now });
	expect(confirmed.status).toBe('signed_in');
}

describe('registration', () => {
	it('queues the code by SMS in the registrant’s language', async () => {
		await activate('871008401427', '+77011112233');
		const sms = (await handle.db.select().from(outboxMessage)).find((r) => r.recipient === '+77011112233')!;
		expect(sms.body).toMatch(/^Atameken Services: код подтверждения регистрации \d{6}\./);
	});

	it('of an IIN/BIN that is already active answers as for a new one, changes nothing, and warns the owner in their language', async () => {
		const [before] = await handle.db.select().from(userAccount).where(eq(userAccount.login, '871008401427'));
		const typedPhone = '+77011112234';
		const attempt = await registerAccount(handle.db, { ...form('871008401427', typedPhone), firstName: 'Дина', password: 'басқа біреудің құпиясы', passwordRepeat: 'басқа біреудің құпиясы' }, { ...context('10.0.5.1'), locale: 'en' });
		expect(attempt).toEqual({ status: 'code_sent', challengeId: expect.stringMatching(/^[0-9a-f-]{36}$/), phone: typedPhone });
		if (attempt.status !== 'code_sent') throw new Error(attempt.status);

		const [after] = await handle.db.select().from(userAccount).where(eq(userAccount.login, '871008401427'));
		expect(after).toEqual(before);
		const outbox = await handle.db.select().from(outboxMessage);
		expect(outbox.filter((r) => r.recipient === typedPhone)).toHaveLength(0);
		// The owner registered in Russian: the warning is in Russian, whatever the page's language was.
		expect(outbox.filter((r) => r.recipient === '+77011112233').at(-1)!.body).toBe(m.sms_registration_attempt({}, { locale: 'ru' }));
		expect(m.sms_registration_attempt({}, { locale: 'ru' })).toMatch(/пытался зарегистрироваться/);

		// The code page opens as for a new registration, but no code ever confirms the attempt: not
		// even the one a resend makes, which reaches nobody (not the owner either), on any code page.
		expect(await challengeFactor(handle.db, attempt.challengeId)).toBe('sms');
		const later = new Date(context().now.getTime() + 2 * 60_000);
		const ownerMessages = (await handle.db.select().from(outboxMessage)).filter((r) => r.recipient === '+77011112233').length;
		expect(await resendCode(handle.db, { challengeId: attempt.challengeId, purpose: 'registration' }, { ...context('10.0.5.1'), now: later })).toEqual({ status: 'resent' });
		const messagesBefore = (await handle.db.select().from(outboxMessage)).length;
		expect(await resendCode(handle.db, { challengeId: attempt.challengeId, purpose: 'registration' }, { ...context('10.0.5.1'), now: new Date(later.getTime() + 2 * 60_000) })).toEqual({ status: 'resent' });
		const messages = await handle.db.select().from(outboxMessage);
		expect(messages.filter((r) => r.recipient === '+77011112233')).toHaveLength(ownerMessages);
		// Nothing at all is queued for a resend, not even to an empty address.
		expect(messages).toHaveLength(messagesBefore);
		const [challenge] = await handle.db.select().from(otpChallenge).where(eq(otpChallenge.id, attempt.challengeId));
		// Every code is wrong, answered as a wrong code is on a new registration; no other page takes it.
		for (const code of ['000000', '123456', '999999']) {
			expect(await confirmCode(handle.db, { challengeId: attempt.challengeId, purpose: 'registration', code, userAgent: null, ipAddress: '10.0.5.1', now: later })).toMatchObject({ status: 'wrong' });
		}
		expect(challenge!.purpose).toBe('registration');
		for (const purpose of ['login', 'password_reset', 'password_change', 'phone_change'] as const) {
			const outcome = await confirmCode(handle.db, { challengeId: attempt.challengeId, purpose, code: '000000', userAgent: null, ipAddress: '10.0.5.1', now: later });
			expect(outcome.status).toBe('not_found');
		}
		const [untouched] = await handle.db.select().from(userAccount).where(eq(userAccount.login, '871008401427'));
		expect(untouched).toEqual(before);
		expect(await handle.db.select().from(sessionTable).where(eq(sessionTable.userId, before!.id))).toHaveLength(1);
	});

	it('of an active IIN/BIN hits the same limits as a new one, and warns the owner once a day', async () => {
		await activate('920315400010', '+77011113301');
		const outcomes = async (login: string, phone: string) => {
			const statuses = [];
			for (let i = 0; i < LIMITS.codeSendsPerAccount.limit + 1; i++) statuses.push((await registerAccount(handle.db, form(login, phone), context(`10.0.6.${i}`))).status);
			return statuses;
		};
		const existing = await outcomes('920315400010', '+77011113302');
		expect(existing).toEqual(await outcomes('920315400020', '+77011113303'));
		expect(existing.at(-1)).toBe('rate_limited');
		const warnings = (await handle.db.select().from(outboxMessage)).filter((r) => r.recipient === '+77011113301' && !/\d{6}/.test(r.body));
		expect(warnings).toHaveLength(1);
	});

	it('refuses a password built from the applicant’s own data', async () => {
		const outcome = await registerAccount(handle.db, { ...form('760212350620', '+77011112299'), password: 'Каримова2026', passwordRepeat: 'Каримова2026' }, context());
		expect(outcome).toEqual({ status: 'invalid', errors: { password: 'error_password_contains_name' } });
	});

	it('refuses NUL and control characters in names with a message, and stores names without invisible marks', async () => {
		const refused = await registerAccount(handle.db, { ...form('920315400030', '+77011113304'), firstName: 'Асель\u0000', lastName: 'Кари\u001bмова' }, context('10.0.7.1'));
		expect(refused).toEqual({ status: 'invalid', errors: { firstName: 'error_invalid_characters', lastName: 'error_invalid_characters' } });
		expect(await handle.db.select().from(userAccount).where(eq(userAccount.login, '920315400030'))).toHaveLength(0);
		const stored = await registerAccount(handle.db, { ...form('920315400030', '+77011113304'), firstName: '\u202EАсель\u200B', lastName: 'Каримова\u2066' }, context('10.0.7.1'));
		expect(stored.status).toBe('code_sent');
		const [row] = await handle.db.select().from(userAccount).where(eq(userAccount.login, '920315400030'));
		expect(row).toMatchObject({ firstName: 'Асель', lastName: 'Каримова' });
	});
});

describe('code-send limits', () => {
	it('roll back the whole step they stop: a refused registration leaves no account behind', async () => {
		const ip = '10.9.9.9';
		const { limit, windowSeconds } = LIMITS.codeSendsPerIp;
		for (let i = 0; i < limit; i++) await consumeRateLimit(handle.db, `code-send:ip:${ip}`, limit, windowSeconds, context().now);
		const outcome = await registerAccount(handle.db, form('760212350620', '+77011116677'), context(ip));
		expect(outcome).toMatchObject({ status: 'rate_limited' });
		expect(await handle.db.select().from(userAccount).where(eq(userAccount.login, '760212350620'))).toHaveLength(0);
		expect((await handle.db.select().from(outboxMessage)).filter((r) => r.recipient === '+77011116677')).toHaveLength(0);
		// From another address the same registration goes through.
		expect((await registerAccount(handle.db, form('760212350620', '+77011116677'), context('10.9.9.10'))).status).toBe('code_sent');
	});
});

describe('sign-in limits', () => {
	const attempt = (login: string, password: string, ip: string, now: Date) => startLogin(handle.db, { login, password, isRemembered: false, next: null }, context(ip, now));

	it('lock one source after ten failures for an IIN/BIN in an hour, the same way whether it exists or not; other sources still get through', async () => {
		await activate('061211600012', '+77011114455');
		const now = new Date('2026-03-02T10:00:00Z');
		for (const login of ['061211600012', '830717350867']) {
			for (let i = 0; i < LIMITS.loginFailuresPerAccountAndIp.limit; i++) expect(await attempt(login, 'wrong password', '10.1.0.1', now)).toEqual({ status: 'failed' });
			expect(await attempt(login, PASSWORD, '10.1.0.1', now)).toMatchObject({ status: 'locked' });
		}
		// Ten wrong passwords from one place do not keep the owner out elsewhere.
		expect((await attempt('061211600012', PASSWORD, '10.1.0.2', now)).status).toBe('code_sent');
		expect((await attempt('830717350867', PASSWORD, '10.1.0.2', now)).status).toBe('failed');
		// The owner's success elsewhere does not open the guesser's source again.
		expect(await attempt('061211600012', PASSWORD, '10.1.0.1', now)).toMatchObject({ status: 'locked' });
		// The next hour starts afresh.
		expect((await attempt('061211600012', PASSWORD, '10.1.0.1', new Date('2026-03-02T11:00:01Z'))).status).toBe('code_sent');
	});

	it('lock an IIN/BIN from every source after a hundred failures in an hour, known or not', async () => {
		const now = new Date('2026-03-02T13:00:00Z');
		const { limit, windowSeconds } = LIMITS.loginFailuresPerAccount;
		expect(limit).toBe(100);
		for (const login of ['061211600012', '830717350867']) {
			// Ninety failures counted beforehand (each from its own source), so only the last ten pay for a password check.
			for (let i = 0; i < limit - 10; i++) await consumeRateLimit(handle.db, loginFailureKeys(login, `10.8.${i}.1`).account, limit, windowSeconds, now);
			for (let i = 0; i < 10; i++) expect(await attempt(login, 'wrong password', `10.9.0.${i}`, now)).toEqual({ status: 'failed' });
			expect(await attempt(login, PASSWORD, '10.9.1.1', now)).toMatchObject({ status: 'locked' });
		}
		expect((await attempt('061211600012', PASSWORD, '10.9.1.1', new Date('2026-03-02T14:00:01Z'))).status).toBe('code_sent');
	});

	it('count wrong current passwords in the settings as failed sign-ins from that source', async () => {
		await activate('920315400050', '+77011113306');
		const [row] = await handle.db.select().from(userAccount).where(eq(userAccount.login, '920315400050'));
		const actor = { id: row!.id, role: row!.role, kind: row!.kind, login: row!.login, firstName: row!.firstName, lastName: row!.lastName, organisationName: null, locale: row!.locale, providerId: null };
		const now = new Date('2026-03-07T10:00:00Z');
		const change = (currentPassword: string, ipAddress: string) =>
			changePassword(handle.db, actor, { currentPassword, password: 'қысқы орман тыныш', passwordRepeat: 'қысқы орман тыныш', next: null, sessionTokenHash: null }, context(ipAddress, now));
		for (let i = 0; i < LIMITS.loginFailuresPerAccountAndIp.limit; i++) expect(await change('not my password', '10.12.0.1')).toMatchObject({ status: 'invalid', errors: { currentPassword: 'error_current_password' } });
		// The eleventh guess from that source is refused even with the right password …
		expect(await change(PASSWORD, '10.12.0.1')).toMatchObject({ status: 'rate_limited' });
		// … and it locked that source out of the sign-in form too; the owner elsewhere goes on.
		expect(await attempt('920315400050', PASSWORD, '10.12.0.1', now)).toMatchObject({ status: 'locked' });
		expect(await change(PASSWORD, '10.12.0.2')).toMatchObject({ status: 'code_required' });
	});

	it('keep «stay signed in» on the device that changed the password, and only there', async () => {
		await activate('920315400060', '+77011113307');
		const [row] = await handle.db.select().from(userAccount).where(eq(userAccount.login, '920315400060'));
		const actor = { id: row!.id, role: row!.role, kind: row!.kind, login: row!.login, firstName: row!.firstName, lastName: row!.lastName, organisationName: null, locale: row!.locale, providerId: null };
		const now = new Date('2026-03-08T10:00:00Z');
		for (const isRemembered of [true, false]) {
			const device = await createSession(handle.db, { userId: row!.id, role: 'applicant', isRemembered, now });
			const password = isRemembered ? 'қысқы орман тыныш' : 'көктемгі өзен ағысы';
			const asked = await changePassword(handle.db, actor, { currentPassword: isRemembered ? PASSWORD : 'қысқы орман тыныш', password, passwordRepeat: password, next: null, sessionTokenHash: hashSessionToken(device.token) }, context('10.13.0.1', now));
			if (asked.status !== 'code_required') throw new Error(asked.status);
			const code = /(\d{6})/.exec((await handle.db.select().from(outboxMessage)).filter((r) => r.recipient === '+77011113307').at(-1)!.body)![1]!;
			const confirmed = await confirmCode(handle.db, { challengeId: asked.challengeId, purpose: 'password_change', code, userAgent: null, ipAddress: '10.13.0.1', now });
			expect(confirmed).toMatchObject({ status: 'signed_in', isRemembered });
		}
	});

	it('let the owner in again after a password reset by the emailed link, wherever the failures came from', async () => {
		await activate('920315400040', '+77011113305');
		const now = new Date('2026-03-06T10:00:00Z');
		const { limit, windowSeconds } = LIMITS.loginFailuresPerAccount;
		for (let i = 0; i < limit - 10; i++) await consumeRateLimit(handle.db, loginFailureKeys('920315400040', `10.10.${i}.1`).account, limit, windowSeconds, now);
		for (let i = 0; i < 10; i++) await attempt('920315400040', 'wrong password', '10.11.0.1', now);
		expect(await attempt('920315400040', PASSWORD, '10.11.0.1', now)).toMatchObject({ status: 'locked' });
		expect(await attempt('920315400040', PASSWORD, '10.11.0.2', now)).toMatchObject({ status: 'locked' });

		expect(await requestPasswordReset(handle.db, '920315400040', { ...context('10.11.0.1', now), links: accountLinks('http://localhost') })).toEqual({ status: 'sent' });
		const email = (await handle.db.select().from(outboxMessage)).filter((r) => r.channel === 'email').at(-1)!;
		const token = /token=([A-Za-z0-9_-]{22})/.exec(email.body)![1]!;
		const NEW_PASSWORD = 'күзгі жапырақтар сары';
		const reset = await submitNewPassword(handle.db, { token, password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD }, context('10.11.0.1', now));
		if (reset.status !== 'code_required') throw new Error(reset.status);
		const code = /(\d{6})/.exec((await handle.db.select().from(outboxMessage)).filter((r) => r.recipient === '+77011113305').at(-1)!.body)![1]!;
		expect((await confirmCode(handle.db, { challengeId: reset.challengeId, purpose: 'password_reset', code, userAgent: null, ipAddress: '10.11.0.1', now })).status).toBe('signed_in');

		expect((await attempt('920315400040', NEW_PASSWORD, '10.11.0.1', now)).status).toBe('code_sent');
	});

	it('cannot be bypassed by spacing, dashes or control characters in the IIN, and a NUL is a failed sign-in, not an error', async () => {
		const now = new Date('2026-03-03T10:00:00Z');
		const variants = ['0612 1160 0012', '061211-600012', '0612\u000011600012', '061211600012\u0000', '\u0007061211600012'];
		for (let i = 0; i < LIMITS.loginFailuresPerAccountAndIp.limit; i++) {
			expect(await attempt(variants[i % variants.length]!, 'wrong password', '10.2.0.1', now)).toEqual({ status: 'failed' });
		}
		expect(await attempt('061211600012', PASSWORD, '10.2.0.1', now)).toMatchObject({ status: 'locked' });
		// With the right password, a login carrying a control character still is no account's.
		expect(await attempt('0612\u000011600012', PASSWORD, '10.2.0.3', now)).toEqual({ status: 'failed' });
		expect(await requestPasswordReset(handle.db, '0612\u000011600012', { ...context('10.2.0.3', now), links: accountLinks('http://localhost') })).toEqual({ status: 'sent' });
	});

	it('send at most five codes per account in 30 minutes', async () => {
		await activate('760212350620', '+77011116677');
		const now = new Date('2026-03-04T10:00:00Z');
		const results = [];
		for (let i = 0; i < LIMITS.codeSendsPerAccount.limit + 1; i++) {
			results.push((await startLogin(handle.db, { login: '760212350620', password: PASSWORD, isRemembered: false, next: null }, context('10.3.0.1', now))).status);
		}
		expect(results).toEqual(['code_sent', 'code_sent', 'code_sent', 'code_sent', 'code_sent', 'rate_limited'].slice(0, results.length));
	});

	it('block the code step for an account after six wrong codes', async () => {
		const now = new Date('2026-03-05T10:00:00Z');
		const [user] = await handle.db.query.userAccount.findMany({ where: (u, { eq }) => eq(u.login, '871008401427') });
		const outcomes = [];
		for (let attempt = 0; attempt < LIMITS.codeFailuresPerAccount.limit; attempt++) {
			const { challengeId, code } = await issueOtp(handle.db, { userId: user!.id, purpose: 'login', length: 6, now });
			const wrong = code === '000000' ? '111111' : '000000';
			outcomes.push((await confirmCode(handle.db, { challengeId, purpose: 'login', code: wrong, userAgent: null, ipAddress: '10.4.0.1', now })).status);
		}
		expect(outcomes.at(-1)).toBe('locked');
		const { challengeId, code } = await issueOtp(handle.db, { userId: user!.id, purpose: 'login', length: 6, now });
		expect((await confirmCode(handle.db, { challengeId, purpose: 'login', code, userAgent: null, ipAddress: '10.4.0.1', now })).status).toBe('locked');
	});
});
