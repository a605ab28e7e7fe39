import type { Executor } from '../db/client.ts';
import { auditEvent } from './schema.ts';

export interface AuditEntry {
	action: string;
	actorUserId?: number | null;
	/** What the action was about, e.g. a masked IIN or an application number; never a secret. */
	subject?: string | null;
	ipAddress?: string | null;
	details?: Record<string, unknown>;
}

/** Appends an audit event; call it inside the transaction of the change it records. */
export async function recordAuditEvent(db: Executor, entry: AuditEntry): Promise<void> {
	await db.insert(auditEvent).values({
		action: entry.action,
		actorUserId: entry.actorUserId ?? null,
		subject: entry.subject ?? null,
		ipAddress: entry.ipAddress ?? null,
		details: entry.details ?? {}
	});
}
