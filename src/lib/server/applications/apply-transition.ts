import { and, eq, sql } from 'drizzle-orm';
import { findTransition, isWaitingOnApplicant, statusAfter, type Actor, type ApplicationStatus } from '../../applications/status.ts';
import { waitingTime } from '../../applications/waiting-time.ts';
import { userAccount } from '../accounts/schema.ts';
import { service } from '../catalog/schema.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Executor } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { applicationEventNotice, applicationStatusChanged } from '../notifications/templates.ts';
import type { ApplicationRow } from './find-own-application.ts';
import { application, applicationEvent, applicationMessage, applicationReadMark } from './schema.ts';

export interface TransitionInput {
	action: string;
	actor: Actor;
	actorUserId: number | null;
	ipAddress?: string;
	now: Date;
	/** Shown in the system message beside the number (the executor's name for an assignment). */
	params?: Record<string, string>;
	/** False for the applicant's own act that another change follows at once, which they hear of instead. */
	notifyApplicant?: boolean;
	/** What else the action changes on the application, in the same statement as the status. */
	changes?: { assignedExecutorId?: number | null; correctionSteps?: string[] | null; submissionKey?: string };
}

/** The channel on which every instance hears that an application's thread or status changed. */
export const APPLICATION_EVENT_CHANNEL = 'application_event';

/**
 * Moves an application along the transition table, inside the caller's transaction: the status
 * (only if still the one read), the timeline, a system message in the thread, an audit event and
 * the applicant's notification by their chosen channel — all or nothing.
 */
export async function applyTransition(tx: Executor, row: ApplicationRow, input: TransitionInput): Promise<ApplicationStatus> {
	const transition = findTransition(input.action, row.status, input.actor);
	if (!transition) throw new AppError('application.transition_not_allowed');
	const to = statusAfter(transition, row.status);

	// The term's clock stands still while the application waits on the applicant.
	const wasPaused = row.clockPausedAt !== null;
	const willPause = isWaitingOnApplicant(to);
	const pausedSeconds = wasPaused && !willPause ? row.pausedSeconds + Math.max(0, Math.round((input.now.getTime() - row.clockPausedAt!.getTime()) / 1000)) : row.pausedSeconds;
	const clockPausedAt = willPause ? (row.clockPausedAt ?? input.now) : null;

	// Completed: whether within the term is settled now, by the same count as the waiting-time column.
	let completion: { isCompletedWithinTerm: boolean } | undefined;
	if (transition.to === 'completed') {
		const [terms] = await tx.select({ termDays: service.termDays }).from(service).where(eq(service.id, row.serviceId));
		const waiting = waitingTime({ status: row.status, submittedAt: row.submittedAt, termDays: terms!.termDays, pausedSeconds: row.pausedSeconds, clockPausedAt: row.clockPausedAt, now: input.now });
		completion = { isCompletedWithinTerm: waiting.kind === 'days_left' };
	}

	// A move is told by the status it leads to; an action that keeps the status, by its own name.
	const event = transition.to ? `application.${to}` : `application.${transition.action}`;
	const params = { ...input.params, number: row.number };
	const [message] = await tx
		.insert(applicationMessage)
		.values({ applicationId: row.id, kind: 'system', event, params, createdAt: input.now })
		.returning({ id: applicationMessage.id });
	const updated = await tx
		.update(application)
		.set({
			status: to,
			updatedAt: input.now,
			lastMessageId: message!.id,
			pausedSeconds,
			clockPausedAt,
			...input.changes,
			...completion,
			...(transition.to === 'submitted' && row.status !== 'submitted' ? { submittedAt: input.now } : {})
		})
		.where(and(eq(application.id, row.id), eq(application.status, row.status)))
		.returning({ id: application.id });
	if (updated.length === 0) throw new AppError('application.transition_not_allowed');

	// The status history lists changes of status; actions that keep it are in the thread and the audit log.
	if (transition.to) await tx.insert(applicationEvent).values({ applicationId: row.id, action: transition.action, fromStatus: row.status, toStatus: to, actorUserId: input.actorUserId, at: input.now });
	// Whoever caused the change has seen it; the others get it as unread.
	if (input.actorUserId !== null) {
		await tx
			.insert(applicationReadMark)
			.values({ applicationId: row.id, userId: input.actorUserId, lastReadMessageId: message!.id })
			.onConflictDoUpdate({ target: [applicationReadMark.applicationId, applicationReadMark.userId], set: { lastReadMessageId: sql`excluded.last_read_message_id` } });
	}
	await recordAuditEvent(tx, { action: `application.${transition.action}`, actorUserId: input.actorUserId, subject: row.number, ipAddress: input.ipAddress, details: { from: row.status, to } });

	const [applicant] = await tx
		.select({ channel: userAccount.notificationChannel, phone: userAccount.phone, email: userAccount.email, locale: userAccount.locale })
		.from(userAccount)
		.where(eq(userAccount.id, row.applicantUserId));
	if (applicant && input.notifyApplicant !== false) {
		const notice = (channel: 'sms' | 'email') =>
			transition.to ? applicationStatusChanged(applicant.locale, { channel, number: row.number, status: to }) : applicationEventNotice(applicant.locale, { channel, event, params });
		if (applicant.channel === 'email' && applicant.email) await enqueueMessage(tx, { to: applicant.email, ...notice('email') });
		else if (applicant.phone) await enqueueMessage(tx, { to: applicant.phone, ...notice('sms') });
	}
	// Open pages of this application (both sides) hear of it when the transaction commits.
	await tx.execute(sql`select pg_notify(${APPLICATION_EVENT_CHANNEL}, ${JSON.stringify({ applicationId: row.id, messageId: message!.id })})`);
	return to;
}
