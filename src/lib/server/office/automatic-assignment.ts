import { asc, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../i18n/localized.ts';
import { isSupervising, type Actor } from '../access/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { show, type ShownText } from '../catalog/localize.ts';
import { service } from '../catalog/schema.ts';
import type { Database, Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { serviceAssignment } from './schema.ts';

/** The provider's services and whether each assigns its new applications automatically. */
export async function listAssignmentSettings(db: Executor, actor: Actor, locale: Locale): Promise<{ serviceId: number; title: ShownText; isAutomatic: boolean }[]> {
	if (actor.providerId === null) return [];
	const rows = await db
		.select({ serviceId: service.id, title: service.title, isAutomatic: sql<boolean>`coalesce(${serviceAssignment.isAutomatic}, false)` })
		.from(service)
		.leftJoin(serviceAssignment, eq(serviceAssignment.serviceId, service.id))
		.where(eq(service.providerId, actor.providerId))
		.orderBy(asc(service.id));
	return rows.map((row) => ({ ...row, title: show(row.title, locale) }));
}

/**
 * A supervisor turns automatic assignment on for the listed services of their provider and off for
 * the others; services of other providers cannot be named. Each change is audited.
 */
export async function setAutomaticAssignment(db: Database, actor: Actor, input: { automaticServiceIds: number[]; ipAddress?: string; now?: Date }): Promise<void> {
	if (!isSupervising(actor) || actor.providerId === null) throw new AppError('application.transition_not_allowed');
	const now = input.now ?? new Date();
	await db.transaction(async (tx) => {
		const current = await listAssignmentSettings(tx, actor, 'kk');
		for (const entry of current) {
			const isAutomatic = input.automaticServiceIds.includes(entry.serviceId);
			if (isAutomatic === entry.isAutomatic) continue;
			await tx
				.insert(serviceAssignment)
				.values({ serviceId: entry.serviceId, isAutomatic, updatedByUserId: actor.id, updatedAt: now })
				.onConflictDoUpdate({ target: serviceAssignment.serviceId, set: { isAutomatic, updatedByUserId: actor.id, updatedAt: now } });
			await recordAuditEvent(tx, { action: 'office.assignment_changed', actorUserId: actor.id, subject: String(entry.serviceId), ipAddress: input.ipAddress, details: { isAutomatic } });
		}
	});
}
