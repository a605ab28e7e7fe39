import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { accountLinks } from '../http/account-links.ts';
import { deliverDueMessages, enqueueMessage, MAX_DELIVERY_ATTEMPTS } from '../notifications/outbox.ts';
import { outboxMessage } from '../notifications/schema.ts';
import type { DeliveryResult, OutgoingMessage, Transport } from '../notifications/transport.ts';
import { issueAuthenticatorChallenge, issueOtp, OTP_MAX_FAILED_ATTEMPTS, resendOtp, verifyOtp } from './otp.ts';
import { consumeRateLimit, peekRateLimit } from './rate-limit.ts';
import { deleteExpiredRecords } from './delete-expired-records.ts';
import { otpChallenge, rateCounter, session as sessionTable, userAccount } from './schema.ts';
import { createSession, endOtherSessions, endSession, hashSessionToken, resolveSession, SESSION_LIMITS } from './session.ts';

let handle: DatabaseHandle;
let userId: number;

beforeAll(async () => {
	handle = await openTestDatabase();
	const [row] = await handle.db
		.insert(userAccount)
		.values({ kind: 'individual', login: '871008401427', firstName: 'Айгерім', lastName: 'Сәрсенова', phone: '+77011234567', passwordHash: 'x', isActive: true })
		.returning({ id: userAccount.id });
	userId = row!.id;
});
afterAll(async () => {
	await handle?.close();
});

const at = (iso: string) => new Date(iso);

describe('rate limits', () => {
	it('allow N events per window, refuse the next, and start again in the next window', async () => {
		const t0 = at('2026-01-01T10:00:05Z');
		for (let i = 1; i <= 5; i++) expect((await consumeRateLimit(handle.db, 'test:a', 5, 1800, t0)).isAllowed).toBe(true);
		const sixth = await consumeRateLimit(handle.db, 'test:a', 5, 1800, t0);
		expect(sixth).toMatchObject({ isAllowed: false, count: 6 });
		expect(sixth.retryAfterSeconds).toBe(1795);
		expect(await peekRateLimit(handle.db, 'test:a', 1800, t0)).toBe(6);
		expect((await consumeRateLimit(handle.db, 'test:a', 5, 1800, at('2026-01-01T10:30:00Z'))).isAllowed).toBe(true);
	});

	it('count each key on its own', async () => {
		const t0 = at('2026-01-01T11:00:00Z');
		await consumeRateLimit(handle.db, 'test:b', 1, 60, t0);
		expect((await consumeRateLimit(handle.db, 'test:c', 1, 60, t0)).isAllowed).toBe(true);
	});
});

describe('one-time codes', () => {
	it('accept the right code once, bound to the purpose it was issued for', async () => {
		const { challengeId, code } = await issueOtp(handle.db, { userId, purpose: 'login', length: 6 });
		expect(code).toMatch(/^\d{6}$/);
		expect(await verifyOtp(handle.db, challengeId, 'registration', code)).toEqual({ status: 'not_found' });
		expect(await verifyOtp(handle.db, challengeId, 'login', code)).toMatchObject({ status: 'ok', userId });
		expect(await verifyOtp(handle.db, challengeId, 'login', code)).toEqual({ status: 'not_found' });
	});

	it('support four-digit codes', async () => {
		const { code } = await issueOtp(handle.db, { userId, purpose: 'login', length: 4 });
		expect(code).toMatch(/^\d{4}$/);
	});

	it('void a code after five wrong tries, even if the right one comes next', async () => {
		const { challengeId, code } = await issueOtp(handle.db, { userId, purpose: 'login', length: 6 });
		const wrong = code === '000000' ? '111111' : '000000';
		for (let i = 1; i < OTP_MAX_FAILED_ATTEMPTS; i++) expect(await verifyOtp(handle.db, challengeId, 'login', wrong)).toMatchObject({ status: 'wrong', attemptsLeft: OTP_MAX_FAILED_ATTEMPTS - i });
		expect(await verifyOtp(handle.db, challengeId, 'login', wrong)).toEqual({ status: 'exhausted' });
		expect(await verifyOtp(handle.db, challengeId, 'login', code)).toEqual({ status: 'exhausted' });
	});

	it('expire after ten minutes', async () => {
		const t0 = at('2026-01-01T12:00:00Z');
		const { challengeId, code } = await issueOtp(handle.db, { userId, purpose: 'login', length: 6, now: t0 });
		expect(await verifyOtp(handle.db, challengeId, 'login', code, at('2026-01-01T12:10:00Z'))).toEqual({ status: 'expired' });
	});

	it('are replaced by a resend after the cooldown, and the old code stops working', async () => {
		const t0 = at('2026-01-01T13:00:00Z');
		const { challengeId, code } = await issueOtp(handle.db, { userId, purpose: 'login', length: 6, now: t0 });
		expect(await resendOtp(handle.db, challengeId, 6, at('2026-01-01T13:00:30Z'))).toEqual({ status: 'too_soon', retryAfterSeconds: 30 });
		const resent = await resendOtp(handle.db, challengeId, 6, at('2026-01-01T13:01:00Z'));
		if (resent.status !== 'resent') throw new Error('expected a resend');
		if (resent.code !== code) expect(await verifyOtp(handle.db, challengeId, 'login', code, at('2026-01-01T13:01:10Z'))).toMatchObject({ status: 'wrong' });
		expect(await verifyOtp(handle.db, challengeId, 'login', resent.code, at('2026-01-01T13:01:20Z'))).toMatchObject({ status: 'ok' });
	});

	it('refuse malformed challenge ids without touching the database', async () => {
		expect(await verifyOtp(handle.db, "x' or 1=1", 'login', '123456')).toEqual({ status: 'not_found' });
	});
});

describe('sessions', () => {
	it('resolve to the user, and end after 30 idle minutes', async () => {
		const t0 = at('2026-02-01T09:00:00Z');
		const { token } = await createSession(handle.db, { userId, role: 'applicant', isRemembered: false, now: t0 });
		expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect((await resolveSession(handle.db, token, at('2026-02-01T09:29:00Z')))?.user.login).toBe('871008401427');
		expect(await resolveSession(handle.db, token, at('2026-02-01T09:59:30Z'))).toBeNull();
		// Ended on the server: it does not come back.
		expect(await resolveSession(handle.db, token, at('2026-02-01T09:30:00Z'))).toBeNull();
	});

	it('end after 12 hours even when used all the time, unless remembered on the device', async () => {
		const t0 = at('2026-02-02T08:00:00Z');
		const normal = await createSession(handle.db, { userId, role: 'applicant', isRemembered: false, now: t0 });
		const remembered = await createSession(handle.db, { userId, role: 'applicant', isRemembered: true, now: t0 });
		// A visit every 20 minutes keeps the session from idling out.
		for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
			const now = new Date(t0.getTime() + minutes * 60_000);
			expect(await resolveSession(handle.db, normal.token, now)).not.toBeNull();
			await resolveSession(handle.db, remembered.token, now);
		}
		const after12 = new Date(t0.getTime() + SESSION_LIMITS.applicant.absolute * 1000 + 1000);
		expect(await resolveSession(handle.db, normal.token, after12)).toBeNull();
		expect(await resolveSession(handle.db, remembered.token, after12)).not.toBeNull();
	});

	it('end on logout, and other sessions end on request', async () => {
		const a = await createSession(handle.db, { userId, role: 'applicant', isRemembered: false });
		const b = await createSession(handle.db, { userId, role: 'applicant', isRemembered: false });
		const current = await resolveSession(handle.db, a.token);
		await endOtherSessions(handle.db, userId, current!.tokenHash);
		expect(await resolveSession(handle.db, b.token)).toBeNull();
		await endSession(handle.db, a.token);
		expect(await resolveSession(handle.db, a.token)).toBeNull();
	});

	it('ignore tokens that are not session tokens', async () => {
		expect(await resolveSession(handle.db, "' or '1'='1")).toBeNull();
	});
});

describe('outbox', () => {
	function recordingTransport(results: DeliveryResult[]): Transport & { sent: OutgoingMessage[] } {
		const sent: OutgoingMessage[] = [];
		return { name: 'test', sent, send: async (message) => (sent.push(message), results.shift() ?? { status: 'sent' }) };
	}

	it('sends nothing when the transaction that queued the message rolls back', async () => {
		await handle.db.delete(outboxMessage);
		await handle.db
			.transaction(async (tx) => {
				await enqueueMessage(tx, { channel: 'sms', to: '+77011234567', text: 'x' });
				throw new Error('rollback');
			})
			.catch(() => undefined);
		const transport = recordingTransport([]);
		expect(await deliverDueMessages(handle.db, { sms: transport, email: transport })).toBe(0);
	});

	it('retries temporary failures with back-off, then records the delivery', async () => {
		await handle.db.delete(outboxMessage);
		await enqueueMessage(handle.db, { channel: 'email', to: 'a@example.kz', subject: 'Тақырып', text: 'Мәтін' });
		const transport = recordingTransport([{ status: 'retry', error: 'timeout' }]);
		const t0 = at('2030-01-01T00:00:00Z');
		await deliverDueMessages(handle.db, { sms: transport, email: transport }, t0);
		let [row] = await handle.db.select().from(outboxMessage);
		expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timeout' });
		expect(await deliverDueMessages(handle.db, { sms: transport, email: transport }, at('2030-01-01T00:00:05Z'))).toBe(0);
		await deliverDueMessages(handle.db, { sms: transport, email: transport }, at('2030-01-01T00:00:11Z'));
		[row] = await handle.db.select().from(outboxMessage);
		expect(row).toMatchObject({ status: 'sent', attempts: 2, transport: 'test' });
		expect(transport.sent).toHaveLength(2);
		expect(transport.sent[1]).toEqual({ channel: 'email', to: 'a@example.kz', subject: 'Тақырып', text: 'Мәтін' });
	});

	it('gives up on permanent failures and after the last attempt', async () => {
		await handle.db.delete(outboxMessage);
		await enqueueMessage(handle.db, { channel: 'sms', to: '+77011234567', text: 'a' });
		const transport = recordingTransport([{ status: 'failed', error: 'bad number' }]);
		await deliverDueMessages(handle.db, { sms: transport, email: transport }, at('2030-01-02T00:00:00Z'));
		const [row] = await handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, '+77011234567'));
		expect(row).toMatchObject({ status: 'failed', attempts: 1 });
		expect(MAX_DELIVERY_ATTEMPTS).toBeGreaterThan(3);
	});
});

describe('confirming a sign-in code', () => {
	it('opens a remembered session for an active account and passes on where to go next', async () => {
		const { confirmCode } = await import('./confirm-code.ts');
		const { challengeId, code } = await issueOtp(handle.db, { userId, purpose: 'login', length: 6, context: { isRemembered: true, next: '/en/services/x' } });
		const outcome = await confirmCode(handle.db, { challengeId, purpose: 'login', code, userAgent: 'test', ipAddress: '127.0.0.1' });
		expect(outcome).toMatchObject({ status: 'signed_in', isRemembered: true, next: '/en/services/x' });
	});
});

describe('another user’s data', () => {
	it('cannot be reached: a session id of someone else ends nothing, and lists show only one’s own sessions', async () => {
		const { endSessionById, listSessions } = await import('./session.ts');
		const [other] = await handle.db
			.insert(userAccount)
			.values({ kind: 'individual', login: '760212350620', firstName: 'Б', lastName: 'Б', phone: '+77019998877', passwordHash: 'x', isActive: true })
			.returning({ id: userAccount.id });
		const theirs = await createSession(handle.db, { userId: other!.id, role: 'applicant', isRemembered: false });
		const theirId = (await listSessions(handle.db, other!.id, null))[0]!.id;
		expect(await endSessionById(handle.db, userId, theirId)).toBe(false);
		expect(await resolveSession(handle.db, theirs.token)).not.toBeNull();
		expect((await listSessions(handle.db, userId, null)).some((s) => s.id === theirId)).toBe(false);
	});
});

describe('authenticator codes of staff', () => {
	it('are accepted once: the same code cannot sign in a second time', async () => {
		const { newTotpSecret, totpFor } = await import('./totp.ts');
		const secret = newTotpSecret();
		const [staff] = await handle.db
			.insert(userAccount)
			.values({ kind: 'individual', role: 'executor', login: '830717350867', firstName: 'С', lastName: 'С', passwordHash: 'x', totpSecret: secret, isActive: true })
			.returning({ id: userAccount.id });
		const now = new Date();
		const token = totpFor(secret, 'x').generate({ timestamp: now.getTime() });
		const first = await issueAuthenticatorChallenge(handle.db, { userId: staff!.id, purpose: 'login', now });
		expect(await verifyOtp(handle.db, first.challengeId, 'login', token, now)).toMatchObject({ status: 'ok' });
		const second = await issueAuthenticatorChallenge(handle.db, { userId: staff!.id, purpose: 'login', now });
		expect(await verifyOtp(handle.db, second.challengeId, 'login', token, now)).toMatchObject({ status: 'wrong' });
	});

	it('have no SMS code made for them, and nothing to resend', async () => {
		const [staff] = await handle.db.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.login, '830717350867'));
		const { challengeId } = await issueAuthenticatorChallenge(handle.db, { userId: staff!.id, purpose: 'password_change', context: { next: null } });
		const [row] = await handle.db.select().from(otpChallenge).where(eq(otpChallenge.id, challengeId));
		expect(row).toMatchObject({ codeHash: 'authenticator', context: { next: null, factor: 'totp' } });
		expect(await resendOtp(handle.db, challengeId, 6)).toEqual({ status: 'not_found' });
		// No six- or eight-digit code is right: only the authenticator's.
		expect(await verifyOtp(handle.db, challengeId, 'password_change', '00000000')).toMatchObject({ status: 'wrong' });
	});
});

describe('expired records', () => {
	it('are deleted once they can no longer be used; live ones stay', async () => {
		const now = new Date('2026-06-01T12:00:00Z');
		const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
		const live = await createSession(handle.db, { userId, role: 'applicant', isRemembered: false, now: hoursAgo(0.1) });
		const idle = await createSession(handle.db, { userId, role: 'applicant', isRemembered: false, now: hoursAgo(2) });
		await consumeRateLimit(handle.db, 'cleanup:old', 5, 60, hoursAgo(2));
		await consumeRateLimit(handle.db, 'cleanup:fresh', 5, 3600, now);
		const stale = await issueOtp(handle.db, { userId, purpose: 'login', length: 6, now: hoursAgo(48) });
		const recent = await issueOtp(handle.db, { userId, purpose: 'login', length: 6, now: hoursAgo(1) });

		await deleteExpiredRecords(handle.db, now);

		expect(await resolveSession(handle.db, live.token, now)).not.toBeNull();
		const sessions = await handle.db.select({ tokenHash: sessionTable.tokenHash }).from(sessionTable);
		expect(sessions.map((s) => s.tokenHash)).not.toContain(hashSessionToken(idle.token));
		const counters = await handle.db.select({ key: rateCounter.key }).from(rateCounter);
		expect(counters.map((c) => c.key)).toContain('cleanup:fresh');
		expect(counters.map((c) => c.key)).not.toContain('cleanup:old');
		const challenges = (await handle.db.select({ id: otpChallenge.id }).from(otpChallenge)).map((c) => c.id);
		expect(challenges).toContain(recent.challengeId);
		expect(challenges).not.toContain(stale.challengeId);
	});
});

describe('the client card', () => {
	it('refuses names with NUL or other control characters, storing nothing, and keeps names without invisible marks', async () => {
		const { updateProfile } = await import('./update-profile.ts');
		const [row] = await handle.db
			.insert(userAccount)
			.values({ kind: 'legal_entity', login: '940140000385', firstName: 'Дана', lastName: 'Серік', organisationName: 'ТОО «Дала»', email: 'dana@example.kz', phone: '+77015554433', passwordHash: 'x', isActive: true })
			.returning();
		const actor = { id: row!.id, role: 'applicant' as const, kind: 'legal_entity' as const, login: row!.login, firstName: row!.firstName, lastName: row!.lastName, organisationName: row!.organisationName, locale: 'kk' as const, providerId: null };
		const context = { locale: 'kk' as const, ipAddress: '127.0.0.1', otpLength: 6, links: accountLinks('http://localhost') };
		const card = { firstName: 'Дана', lastName: 'Серік', organisationName: 'ТОО «Дала»', email: 'dana@example.kz', phone: '+77015554433', channel: 'sms' };

		const refused = await updateProfile(handle.db, actor, { ...card, firstName: 'Дана\u0000', organisationName: 'ТОО\u0007 «Дала»' }, context);
		expect(refused).toEqual({ status: 'invalid', errors: { firstName: 'error_invalid_characters', organisationName: 'error_invalid_characters' } });
		const stripped = await updateProfile(handle.db, actor, { ...card, lastName: '\u202EкіреС', organisationName: 'ТОО «Дала»\u200B\u2067' }, context);
		expect(stripped).toMatchObject({ status: 'saved' });
		const [after] = await handle.db.select().from(userAccount).where(eq(userAccount.id, row!.id));
		expect(after).toMatchObject({ firstName: 'Дана', lastName: 'кіреС', organisationName: 'ТОО «Дала»' });
	});
});
