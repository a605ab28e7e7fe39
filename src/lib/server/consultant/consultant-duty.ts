import { and, count, eq, gt } from 'drizzle-orm';
import { isWithinHours, type WorkingHours } from '../../consultant/working-hours.ts';
import type { Actor } from '../access/actor.ts';
import { canConsult } from '../access/consultant-policy.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database, Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { consultantDuty } from './schema.ts';

/**
 * A consultant counts as on duty while their queue page was seen in the last few minutes: the
 * live page says so every minute, a page without JavaScript on each reload. Someone who closed
 * the browser without ending the duty drops out by themselves, so visitors are not left waiting.
 */
export const DUTY_FRESH_MS = 5 * 60 * 1000;

export async function setDuty(db: Database, actor: Actor, isOnDuty: boolean, now = new Date()): Promise<void> {
	if (!canConsult(actor)) throw new AppError('consultant.not_found');
	await db.transaction(async (tx) => {
		if (isOnDuty) {
			await tx.insert(consultantDuty).values({ userId: actor.id, since: now, lastSeenAt: now }).onConflictDoUpdate({ target: consultantDuty.userId, set: { lastSeenAt: now } });
		} else {
			await tx.delete(consultantDuty).where(eq(consultantDuty.userId, actor.id));
		}
		await recordAuditEvent(tx, { action: isOnDuty ? 'consultant.duty_started' : 'consultant.duty_ended', actorUserId: actor.id });
	});
}

/** The consultant is still there (a queue page is open); nothing happens for someone off duty. */
export async function touchDuty(db: Executor, actor: Pick<Actor, 'id'>, now = new Date()): Promise<boolean> {
	const rows = await db.update(consultantDuty).set({ lastSeenAt: now }).where(eq(consultantDuty.userId, actor.id)).returning({ userId: consultantDuty.userId });
	return rows.length > 0;
}

export async function countOnDuty(db: Executor, now = new Date()): Promise<number> {
	const [row] = await db.select({ value: count() }).from(consultantDuty).where(gt(consultantDuty.lastSeenAt, new Date(now.getTime() - DUTY_FRESH_MS)));
	return row?.value ?? 0;
}

export async function isOnDuty(db: Executor, userId: number, now = new Date()): Promise<boolean> {
	const [row] = await db
		.select({ userId: consultantDuty.userId })
		.from(consultantDuty)
		.where(and(eq(consultantDuty.userId, userId), gt(consultantDuty.lastSeenAt, new Date(now.getTime() - DUTY_FRESH_MS))));
	return row !== undefined;
}

/** Whether a visitor can talk to someone now: within the working hours and with someone on duty. */
export async function isConsultantLive(db: Executor, hours: WorkingHours, now = new Date()): Promise<boolean> {
	return isWithinHours(hours, now) && (await countOnDuty(db, now)) > 0;
}
