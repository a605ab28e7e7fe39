import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigit } from '../../identity/iin-bin.ts';
import type { Actor } from '../access/actor.ts';
import { session, userAccount, type Role } from '../accounts/schema.ts';
import { createSession, resolveSession } from '../accounts/session.ts';
import { totpFor } from '../accounts/totp.ts';
import { createDraft } from '../applications/create-draft.ts';
import { application } from '../applications/schema.ts';
import { seedFormDefinitions } from '../applications/seed-form-definitions.ts';
import { auditEvent } from '../audit/schema.ts';
import { provider, service } from '../catalog/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { AppError } from '../errors.ts';
import { outboxMessage } from '../notifications/schema.ts';
import { assignAutomatically } from '../office/assign-automatically.ts';
import { executorService, serviceAssignment } from '../office/schema.ts';
import { confirmInvitation, findInvitation, setInvitationPassword } from './accept-invitation.ts';
import { findStaffMember } from './find-staff-member.ts';
import { inviteStaff } from './invite-staff.ts';
import { listStaff } from './list-staff.ts';
import { changeStaffRole, deactivateStaff, reactivateStaff, resendInvitation, setExecutorServices, setProviderSigner } from './manage-staff.ts';
import { providerSigning } from '../office/provider-signing.ts';

const NOW = new Date('2026-11-20T06:00:00Z');
let handle: DatabaseHandle;
let serial = 500;
/** A valid IIN of a made-up person, a new one each call. */
function iin(): string {
	for (;;) {
		const first11 = `8501013${String(serial++).padStart(4, '0')}`;
		const digit = checkDigit([...first11].map(Number));
		if (digit !== null) return `${first11}${digit}`;
	}
}

async function person(role: Role, providerSlug: string | null): Promise<Actor> {
	const providerId = providerSlug ? (await handle.db.select({ id: provider.id }).from(provider).where(eq(provider.slug, providerSlug)))[0]!.id : null;
	const login = iin();
	const [row] = await handle.db
		.insert(userAccount)
		.values({ login, kind: 'individual', role, firstName: role, lastName: 'Test', email: `${login}@example.kz`, passwordHash: 'x', totpSecret: 'JBSWY3DPEHPK3PXP', isActive: true, activatedAt: NOW, providerId })
		.returning();
	return { id: row!.id, role, kind: 'individual', login, providerId };
}

/** The invitation link's token, read back from the email the outbox holds. */
async function tokenSentTo(email: string): Promise<string> {
	const rows = await handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, email));
	const body = rows.at(-1)!.body;
	return new URL(body.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
}

const links = { staffInvitation: (locale: string, token: string) => `http://portal.test/${locale}/staff-invitation?token=${token}` };
const invite = (actor: Actor, fields: Record<string, string>) => inviteStaff(handle.db, actor, fields, { locale: 'ru', links, now: NOW });
const goodFields = () => ({ lastName: 'Ахметова', firstName: 'Дана', patronymic: '', login: iin(), email: `dana${serial}@example.kz`, role: 'executor' });

let admin: Actor, supervisor: Actor, executor: Actor, otherAdmin: Actor, applicant: Actor;

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: [{ key: 'question', title: { kk: 'Q', ru: 'Q', en: 'Q' }, fields: [], documents: [] }] });
	admin = await person('provider-admin', 'agency');
	supervisor = await person('supervisor', 'agency');
	executor = await person('executor', 'agency');
	otherAdmin = await person('provider-admin', 'chamber');
	applicant = await person('applicant', null);
});
afterAll(async () => handle?.close());

async function openApplicationOf(executorId: number): Promise<number> {
	const draft = await createDraft(handle.db, { ...applicant, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' }, { serviceSlug: 'subsidy' });
	const [row] = await handle.db.update(application).set({ status: 'in_progress', submittedAt: NOW, assignedExecutorId: executorId }).where(eq(application.number, draft.number)).returning({ id: application.id });
	return row!.id;
}

const refused = async (work: Promise<unknown>) => {
	const outcome = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(outcome).toBeInstanceOf(AppError);
	return (outcome as AppError).code;
};

describe('inviting staff', () => {
	it('refuses a wrong form field by field and keeps nothing', async () => {
		const outcome = await invite(admin, { lastName: '', firstName: 'A', login: '123', email: 'not-an-email', role: 'platform-admin' });
		expect(outcome).toEqual({ status: 'invalid', errors: { lastName: 'error_required', login: 'error_iin_format', email: 'error_email', role: 'error_staff_invalid_role' } });
		const taken = await invite(admin, { ...goodFields(), login: supervisor.login });
		expect(taken).toEqual({ status: 'invalid', errors: { login: 'error_staff_login_taken' } });
	});

	it('only a provider admin invites', async () => {
		expect(await refused(invite(supervisor, goodFields()))).toBe('staff.not_found');
		expect(await refused(invite(applicant, goodFields()))).toBe('staff.not_found');
	});

	it('creates an inactive account of the admin’s provider and emails a link in the admin’s language', async () => {
		const fields = goodFields();
		const outcome = await invite(admin, fields);
		expect(outcome.status).toBe('invited');
		const [account] = await handle.db.select().from(userAccount).where(eq(userAccount.login, fields.login));
		expect(account).toMatchObject({ isActive: false, role: 'executor', providerId: admin.providerId, locale: 'ru', deactivatedAt: null });
		const [mail] = await handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, fields.email));
		expect(mail!.subject).toContain('приглашение');
		expect(mail!.body).toContain('http://portal.test/ru/staff-invitation?token=');
		const rows = await listStaff(handle.db, admin, NOW);
		expect(rows.find((row) => row.login === fields.login)).toMatchObject({ state: 'invited', invitationExpiresAt: new Date(NOW.getTime() + 72 * 3600_000) });
		expect(await handle.db.select().from(auditEvent).where(eq(auditEvent.action, 'staff.invited'))).toHaveLength(1);
	});
});

describe('accepting an invitation', () => {
	it('takes a password, then an authenticator code, then the account is active and signed in', async () => {
		const fields = goodFields();
		await invite(admin, fields);
		const token = await tokenSentTo(fields.email);
		expect(await findInvitation(handle.db, 'A'.repeat(22), NOW)).toBeNull();
		expect(await findInvitation(handle.db, token, NOW)).toMatchObject({ login: fields.login, authenticator: null });
		expect(await setInvitationPassword(handle.db, { token, password: 'short', passwordRepeat: 'short', now: NOW })).toEqual({ status: 'invalid', errors: { password: 'error_password_too_short' } });
		expect(await confirmInvitation(handle.db, { token, code: '123456', now: NOW })).toEqual({ status: 'link_invalid' });
		expect(await setInvitationPassword(handle.db, { token, password: 'Kokpar-Zhailau-2026', passwordRepeat: 'Kokpar-Zhailau-2026', now: NOW })).toEqual({ status: 'saved' });
		const view = await findInvitation(handle.db, token, NOW);
		expect(view!.authenticator!.uri).toMatch(/^otpauth:\/\/totp\//);
		const secret = view!.authenticator!.secret;
		const right = totpFor(secret, 'x').generate({ timestamp: NOW.getTime() });
		const wrong = right === '000000' ? '111111' : '000000';
		expect(await confirmInvitation(handle.db, { token, code: wrong, now: NOW })).toEqual({ status: 'wrong' });
		const outcome = await confirmInvitation(handle.db, { token, code: right, now: NOW });
		expect(outcome.status).toBe('signed_in');
		const [account] = await handle.db.select().from(userAccount).where(eq(userAccount.login, fields.login));
		expect(account).toMatchObject({ isActive: true, activatedAt: NOW, totpSecret: secret });
		expect(await confirmInvitation(handle.db, { token, code: right, now: NOW })).toEqual({ status: 'link_invalid' });
		expect(await findInvitation(handle.db, token, NOW)).toBeNull();
	});

	it('an expired link, or one replaced by a new invitation, opens nothing', async () => {
		const fields = goodFields();
		const outcome = await invite(admin, fields);
		const first = await tokenSentTo(fields.email);
		expect(await findInvitation(handle.db, first, new Date(NOW.getTime() + 73 * 3600_000))).toBeNull();
		await resendInvitation(handle.db, admin, { id: (outcome as { userId: number }).userId, links, now: NOW });
		expect(await findInvitation(handle.db, first, NOW)).toBeNull();
		expect(await findInvitation(handle.db, await tokenSentTo(fields.email), NOW)).not.toBeNull();
	});

	it('stops taking codes after six tries, even the right one', async () => {
		const fields = goodFields();
		await invite(admin, fields);
		const token = await tokenSentTo(fields.email);
		await setInvitationPassword(handle.db, { token, password: 'Kokpar-Zhailau-2026', passwordRepeat: 'Kokpar-Zhailau-2026', now: NOW });
		const secret = (await findInvitation(handle.db, token, NOW))!.authenticator!.secret;
		const right = totpFor(secret, 'x').generate({ timestamp: NOW.getTime() });
		const wrong = right === '000000' ? '111111' : '000000';
		for (let i = 0; i < 6; i++) expect((await confirmInvitation(handle.db, { token, code: wrong, now: NOW })).status).toBe('wrong');
		expect((await confirmInvitation(handle.db, { token, code: right, now: NOW })).status).toBe('rate_limited');
	});
});

describe('managing staff', () => {
	it('lists and opens only the admin’s own provider, and never lets the admin change themselves', async () => {
		const rows = await listStaff(handle.db, admin, NOW);
		expect(rows.map((row) => row.id)).toContain(executor.id);
		expect(rows.map((row) => row.id)).not.toContain(otherAdmin.id);
		expect(rows.map((row) => row.id)).not.toContain(applicant.id);
		expect(await refused(findStaffMember(handle.db, admin, otherAdmin.id, 'en'))).toBe('staff.not_found');
		expect(await refused(findStaffMember(handle.db, otherAdmin, executor.id, 'en'))).toBe('staff.not_found');
		expect(await refused(findStaffMember(handle.db, supervisor, executor.id, 'en'))).toBe('staff.not_found');
		expect((await findStaffMember(handle.db, admin, admin.id, 'en')).isChangeable).toBe(false);
		expect(await refused(changeStaffRole(handle.db, admin, { id: admin.id, role: 'executor' }))).toBe('staff.not_found');
		expect(await refused(deactivateStaff(handle.db, admin, { id: admin.id }))).toBe('staff.not_found');
		expect(await refused(changeStaffRole(handle.db, otherAdmin, { id: executor.id, role: 'supervisor' }))).toBe('staff.not_found');
		expect(await refused(deactivateStaff(handle.db, otherAdmin, { id: executor.id }))).toBe('staff.not_found');
		expect(await refused(changeStaffRole(handle.db, admin, { id: executor.id, role: 'platform-admin' }))).toBe('staff.invalid_role');
	});

	it("gives the provider's right to sign to a colleague and takes it back, audited, never to oneself or across providers", async () => {
		const colleague = await person('supervisor', 'agency');
		expect((await findStaffMember(handle.db, admin, colleague.id, 'en')).isProviderSigner).toBe(false);
		await setProviderSigner(handle.db, admin, { id: colleague.id, isSigner: true });
		expect((await findStaffMember(handle.db, admin, colleague.id, 'en')).isProviderSigner).toBe(true);
		expect((await listStaff(handle.db, admin, NOW)).find((row) => row.id === colleague.id)?.isProviderSigner).toBe(true);
		expect((await providerSigning(handle.db, admin.providerId!)).canSign).toBe(true);
		const { token } = await createSession(handle.db, { userId: colleague.id, role: 'supervisor', isRemembered: false });
		expect((await resolveSession(handle.db, token))?.user.isProviderSigner).toBe(true);
		await setProviderSigner(handle.db, admin, { id: colleague.id, isSigner: false });
		expect((await findStaffMember(handle.db, admin, colleague.id, 'en')).isProviderSigner).toBe(false);
		const audit = await handle.db.select({ action: auditEvent.action }).from(auditEvent).where(and(eq(auditEvent.actorUserId, admin.id)));
		expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['staff.signer_granted', 'staff.signer_revoked']));
		expect(await refused(setProviderSigner(handle.db, admin, { id: admin.id, isSigner: true }))).toBe('staff.not_found');
		expect(await refused(setProviderSigner(handle.db, otherAdmin, { id: colleague.id, isSigner: true }))).toBe('staff.not_found');
		expect(await refused(setProviderSigner(handle.db, supervisor, { id: colleague.id, isSigner: true }))).toBe('staff.not_found');
	});

	it('an executor made supervisor hands their open work back and leaves their services', async () => {
		const person_ = await person('executor', 'agency');
		const applicationId = await openApplicationOf(person_.id);
		const [subsidy] = await handle.db.select({ id: service.id }).from(service).where(eq(service.slug, 'subsidy'));
		await setExecutorServices(handle.db, admin, { id: person_.id, serviceIds: [subsidy!.id] });
		expect(await changeStaffRole(handle.db, admin, { id: person_.id, role: 'supervisor', now: NOW })).toEqual({ released: 1 });
		const [row] = await handle.db.select().from(application).where(eq(application.id, applicationId));
		expect(row).toMatchObject({ assignedExecutorId: null, status: 'in_progress' });
		expect(await handle.db.select().from(executorService).where(eq(executorService.userId, person_.id))).toEqual([]);
	});

	it('deactivating ends every session at once and hands the open work back; reactivating restores the account', async () => {
		const person_ = await person('executor', 'agency');
		const applicationId = await openApplicationOf(person_.id);
		const opened = await createSession(handle.db, { userId: person_.id, role: 'executor', isRemembered: false, now: NOW });
		expect(await resolveSession(handle.db, opened.token, NOW)).not.toBeNull();
		expect(await deactivateStaff(handle.db, admin, { id: person_.id, now: NOW })).toEqual({ released: 1 });
		expect(await resolveSession(handle.db, opened.token, NOW)).toBeNull();
		expect(await handle.db.select().from(session).where(eq(session.userId, person_.id))).toEqual([]);
		const [row] = await handle.db.select().from(application).where(eq(application.id, applicationId));
		expect(row!.assignedExecutorId).toBeNull();
		expect((await findStaffMember(handle.db, admin, person_.id, 'en')).state).toBe('deactivated');
		expect(await reactivateStaff(handle.db, admin, { id: person_.id, links, now: NOW })).toBe('reactivated');
		const [account] = await handle.db.select().from(userAccount).where(eq(userAccount.id, person_.id));
		expect(account).toMatchObject({ isActive: true, deactivatedAt: null });
	});

	it('a deactivated invitee’s link stops working', async () => {
		const fields = goodFields();
		const outcome = await invite(admin, fields);
		const token = await tokenSentTo(fields.email);
		await deactivateStaff(handle.db, admin, { id: (outcome as { userId: number }).userId, now: NOW });
		expect(await findInvitation(handle.db, token, NOW)).toBeNull();
	});

	it('automatic assignment picks among the executors of the service', async () => {
		const [subsidy] = await handle.db.select({ id: service.id }).from(service).where(eq(service.slug, 'subsidy'));
		const [chamberService] = await handle.db.select({ id: service.id }).from(service).where(eq(service.slug, 'ppp-consultation'));
		expect(await refused(setExecutorServices(handle.db, admin, { id: executor.id, serviceIds: [chamberService!.id] }))).toBe('service.not_found');
		expect(await refused(setExecutorServices(handle.db, admin, { id: supervisor.id, serviceIds: [subsidy!.id] }))).toBe('staff.not_found');
		const specialist = await person('executor', 'agency');
		// The specialist already has more open work than anyone: the link, not the load, decides.
		await openApplicationOf(specialist.id);
		await openApplicationOf(specialist.id);
		await setExecutorServices(handle.db, admin, { id: specialist.id, serviceIds: [subsidy!.id] });
		await handle.db.insert(serviceAssignment).values({ serviceId: subsidy!.id, isAutomatic: true }).onConflictDoUpdate({ target: serviceAssignment.serviceId, set: { isAutomatic: true } });
		const draft = await createDraft(handle.db, { ...applicant, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' }, { serviceSlug: 'subsidy' });
		const [sent] = await handle.db.update(application).set({ status: 'submitted', submittedAt: NOW }).where(eq(application.number, draft.number)).returning({ id: application.id });
		const chosen = await handle.db.transaction((tx) => assignAutomatically(tx, sent!.id, NOW));
		expect(chosen).toBe(specialist.id);
		const linked = await handle.db.select().from(executorService).where(and(eq(executorService.serviceId, subsidy!.id)));
		expect(linked.map((row) => row.userId)).toContain(specialist.id);
	});
});
