import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { outboxMessage } from '../notifications/schema.ts';
import { confirmCode } from './confirm-code.ts';
import { LIMITS } from './limits.ts';
import { issueOtp } from './otp.ts';
import { consumeRateLimit } from './rate-limit.ts';
import { registerAccount } from './register-account.ts';
import { userAccount } from './schema.ts';
import { startLogin } from './start-login.ts';

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
	it('queues the code by SMS in the registrant’s language and refuses a second active account', async () => {
		await activate('871008401427', '+77011112233');
		const sms = (await handle.db.select().from(outboxMessage)).find((r) => r.recipient === '+77011112233')!;
		expect(sms.body).toMatch(/^Atameken Services: код подтверждения регистрации \d{6}\./);
		expect(await registerAccount(handle.db, form('871008401427', '+77011112234'), context())).toEqual({ status: 'login_taken' });
	});

	it('refuses a password built from the applicant’s own data', async () => {
		const outcome = await registerAccount(handle.db, { ...form('760212350620', '+77011112299'), password: 'Каримова2026', passwordRepeat: 'Каримова2026' }, context());
		expect(outcome).toEqual({ status: 'invalid', errors: { password: 'error_password_contains_name' } });
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
	it('lock an account after ten failures in an hour, the same way whether it exists or not', async () => {
		await activate('061211600012', '+77011114455');
		const now = new Date('2026-03-02T10:00:00Z');
		for (const login of ['061211600012', '830717350867']) {
			for (let i = 0; i < LIMITS.loginFailuresPerAccount.limit; i++) {
				expect(await startLogin(handle.db, { login, password: 'wrong password', isRemembered: false, next: null }, context(`10.1.0.${i}`, now))).toEqual({ status: 'failed' });
			}
			const locked = await startLogin(handle.db, { login, password: PASSWORD, isRemembered: false, next: null }, context('10.1.1.1', now));
			expect(locked).toMatchObject({ status: 'locked' });
		}
		// The next hour starts afresh.
		const later = await startLogin(handle.db, { login: '061211600012', password: PASSWORD, isRemembered: false, next: null }, context('10.1.1.1', new Date('2026-03-02T11:00:01Z')));
		expect(later.status).toBe('code_sent');
	});

	it('cannot be bypassed by spacing or dashes in the IIN', async () => {
		const now = new Date('2026-03-03T10:00:00Z');
		for (let i = 0; i < LIMITS.loginFailuresPerAccount.limit; i++) {
			const variant = i % 2 === 0 ? '0612 1160 0012' : '061211-600012';
			await startLogin(handle.db, { login: variant, password: 'wrong password', isRemembered: false, next: null }, context('10.2.0.1', now));
		}
		expect(await startLogin(handle.db, { login: '061211600012', password: PASSWORD, isRemembered: false, next: null }, context('10.2.0.2', now))).toMatchObject({ status: 'locked' });
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
