import { and, eq, inArray } from 'drizzle-orm';
import { maskIdentifier } from '../../identity/iin-bin.ts';
import type { Actor } from '../access/actor.ts';
import { canChangeStaffMember, canHoldSigningRight, isManagedStaff, isProviderRole, managedStaffScope } from '../access/staff-policy.ts';
import type { AccountLinks } from '../accounts/account-links.ts';
import { session, userAccount } from '../accounts/schema.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { service } from '../catalog/schema.ts';
import type { Database, Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { executorService, staffInvitation } from '../office/schema.ts';
import { sendInvitation } from './invite-staff.ts';
import { releaseOpenWork } from './release-open-work.ts';
import { staffState } from './list-staff.ts';

interface Context {
	ipAddress?: string;
	now?: Date;
}

type Account = typeof userAccount.$inferSelect;

/**
 * Locks the person's account for a change by the admin. Someone outside the admin's provider and
 * the admin themselves are not found alike, so nothing about other providers can be probed.
 */
async function lockChangeable(tx: Executor, actor: Actor, id: number): Promise<Account> {
	if (!Number.isSafeInteger(id)) throw new AppError('staff.not_found');
	const [person] = await tx
		.select()
		.from(userAccount)
		.where(and(eq(userAccount.id, id), managedStaffScope(actor)))
		.for('update');
	if (!person || !canChangeStaffMember(actor, person)) throw new AppError('staff.not_found');
	return person;
}

/**
 * A new role for a colleague. Someone who stops being an executor hands their open applications
 * back to the supervisor's queue and leaves the services they worked on. The change applies from
 * their next request: sessions read the role afresh.
 */
export async function changeStaffRole(db: Database, actor: Actor, input: { id: number; role: string } & Context): Promise<{ released: number }> {
	if (!isProviderRole(input.role)) throw new AppError('staff.invalid_role');
	const role = input.role;
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const person = await lockChangeable(tx, actor, input.id);
		if (person.role === role) return { released: 0 };
		let released = 0;
		if (person.role === 'executor') {
			released = await releaseOpenWork(tx, person.id, { actorUserId: actor.id, ipAddress: input.ipAddress, now });
			await tx.delete(executorService).where(eq(executorService.userId, person.id));
		}
		await tx.update(userAccount).set({ role }).where(eq(userAccount.id, person.id));
		await recordAuditEvent(tx, { action: 'staff.role_changed', actorUserId: actor.id, subject: maskIdentifier(person.login), ipAddress: input.ipAddress, details: { from: person.role, to: role, released } });
		return { released };
	});
}

/**
 * Gives a colleague the provider's right to sign result documents, or takes it away. Only staff who
 * work on applications sign; the EDS they sign with must still be one the provider's BIN allows.
 */
export async function setProviderSigner(db: Database, actor: Actor, input: { id: number; isSigner: boolean } & Context): Promise<void> {
	await db.transaction(async (tx) => {
		const person = await lockChangeable(tx, actor, input.id);
		if (person.isProviderSigner === input.isSigner) return;
		if (input.isSigner && !canHoldSigningRight(person.role)) throw new AppError('staff.not_signer_role');
		await tx.update(userAccount).set({ isProviderSigner: input.isSigner }).where(eq(userAccount.id, person.id));
		await recordAuditEvent(tx, { action: input.isSigner ? 'staff.signer_granted' : 'staff.signer_revoked', actorUserId: actor.id, subject: maskIdentifier(person.login), ipAddress: input.ipAddress });
	});
}

/**
 * Switches a colleague off: every session of theirs ends at once, an unused invitation stops
 * working, and their open applications go back to the supervisor's queue.
 */
export async function deactivateStaff(db: Database, actor: Actor, input: { id: number } & Context): Promise<{ released: number }> {
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const person = await lockChangeable(tx, actor, input.id);
		if (staffState(person) === 'deactivated') return { released: 0 };
		await tx.update(userAccount).set({ isActive: false, deactivatedAt: now }).where(eq(userAccount.id, person.id));
		await tx.delete(session).where(eq(session.userId, person.id));
		await tx.delete(staffInvitation).where(eq(staffInvitation.userId, person.id));
		const released = await releaseOpenWork(tx, person.id, { actorUserId: actor.id, ipAddress: input.ipAddress, now });
		await recordAuditEvent(tx, { action: 'staff.deactivated', actorUserId: actor.id, subject: maskIdentifier(person.login), ipAddress: input.ipAddress, details: { released } });
		return { released };
	});
}

/**
 * Switches a deactivated colleague back on with the password and authenticator they had. Someone
 * who never finished their invitation gets a new one instead.
 */
export async function reactivateStaff(db: Database, actor: Actor, input: { id: number; links: Pick<AccountLinks, 'staffInvitation'> } & Context): Promise<'reactivated' | 'invitation'> {
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const person = await lockChangeable(tx, actor, input.id);
		if (person.isActive) return 'reactivated';
		if (!person.totpSecret || !person.activatedAt) {
			await tx.update(userAccount).set({ deactivatedAt: null }).where(eq(userAccount.id, person.id));
			await resend(tx, actor, person, input.links, now, input.ipAddress);
			return 'invitation';
		}
		await tx.update(userAccount).set({ isActive: true, deactivatedAt: null }).where(eq(userAccount.id, person.id));
		await recordAuditEvent(tx, { action: 'staff.reactivated', actorUserId: actor.id, subject: maskIdentifier(person.login), ipAddress: input.ipAddress });
		return 'reactivated';
	});
}

/** A fresh link for someone still invited (a lost or expired email). */
export async function resendInvitation(db: Database, actor: Actor, input: { id: number; links: Pick<AccountLinks, 'staffInvitation'> } & Context): Promise<void> {
	const now = input.now ?? new Date();
	await db.transaction(async (tx) => {
		const person = await lockChangeable(tx, actor, input.id);
		if (staffState(person) !== 'invited') throw new AppError('staff.not_found');
		await resend(tx, actor, person, input.links, now, input.ipAddress);
	});
}

async function resend(tx: Executor, actor: Actor, person: Account, links: Pick<AccountLinks, 'staffInvitation'>, now: Date, ipAddress?: string) {
	if (!person.email) throw new AppError('staff.not_found');
	await sendInvitation(tx, { userId: person.id, email: person.email, locale: person.locale, providerId: actor.providerId!, invitedBy: actor.id, links, now });
	await recordAuditEvent(tx, { action: 'staff.invitation_sent', actorUserId: actor.id, subject: maskIdentifier(person.login), ipAddress });
}

/**
 * The services an executor works on, replaced as a whole: automatic assignment then picks among
 * the executors of a service. The admin may set their own (an admin may also execute).
 */
export async function setExecutorServices(db: Database, actor: Actor, input: { id: number; serviceIds: number[] } & Context): Promise<void> {
	await db.transaction(async (tx) => {
		const [person] = await tx
			.select()
			.from(userAccount)
			.where(and(eq(userAccount.id, input.id), managedStaffScope(actor)))
			.for('update');
		if (!person || !isManagedStaff(actor, person) || person.role !== 'executor') throw new AppError('staff.not_found');
		const wanted = [...new Set(input.serviceIds.filter(Number.isSafeInteger))];
		const own = wanted.length === 0 ? [] : await tx.select({ id: service.id }).from(service).where(and(inArray(service.id, wanted), eq(service.providerId, actor.providerId!)));
		// A service of another provider is refused as a whole: the form never offers one.
		if (own.length !== wanted.length) throw new AppError('service.not_found');
		await tx.delete(executorService).where(eq(executorService.userId, person.id));
		if (own.length > 0) await tx.insert(executorService).values(own.map((row) => ({ userId: person.id, serviceId: row.id })));
		await recordAuditEvent(tx, { action: 'staff.services_set', actorUserId: actor.id, subject: maskIdentifier(person.login), ipAddress: input.ipAddress, details: { services: own.map((row) => row.id) } });
	});
}
