import { eq } from 'drizzle-orm';
import type { WorkingHours } from '../../consultant/working-hours.ts';
import type { Locale } from '../../i18n/localized.ts';
import { consultantTextSchema, offlineQuestionSchema, visitorIdentitySchema } from '../../schemas/consultant.ts';
import { fieldErrorsOf, type FieldErrors } from '../../schemas/registration.ts';
import type { Visitor } from '../access/consultant-policy.ts';
import { userAccount } from '../accounts/schema.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Database, Executor } from '../db/client.ts';
import { isConsultantLive } from './consultant-duty.ts';
import { notifyConversation } from './conversation-events.ts';
import { findVisitorConversation } from './find-conversation.ts';
import { consultantConversation, consultantMessage, type ConversationMode } from './schema.ts';

export type StartOutcome = { status: 'started' | 'existing'; conversationId: number } | { status: 'offline' } | { status: 'invalid'; errors: FieldErrors };

export interface StartInput {
	visitor: Visitor;
	mode: ConversationMode;
	locale: Locale;
	/** What a visitor without an account typed: name, contact, consent (an applicant's come from the account). */
	fields: Record<string, string>;
	hours: WorkingHours;
	now?: Date;
}

/** Who the visitor is: from the account when signed in (nothing to type), else from the form. */
async function identify(db: Executor, visitor: Visitor, fields: Record<string, string>, withQuestion: boolean) {
	if (visitor.userId !== null) {
		const [account] = await db.select({ firstName: userAccount.firstName, lastName: userAccount.lastName, email: userAccount.email, phone: userAccount.phone }).from(userAccount).where(eq(userAccount.id, visitor.userId));
		if (account) {
			const question = withQuestion ? consultantTextSchema.safeParse(fields.question ?? '') : null;
			if (question && !question.success) return { ok: false as const, errors: { question: question.error.issues[0]!.message } };
			return { ok: true as const, name: `${account.firstName} ${account.lastName}`, contact: account.email ?? account.phone, question: question?.data ?? null };
		}
	}
	const parsed = (withQuestion ? offlineQuestionSchema : visitorIdentitySchema).safeParse(fields);
	if (!parsed.success) return { ok: false as const, errors: fieldErrorsOf(parsed.error) };
	return { ok: true as const, name: parsed.data.name, contact: parsed.data.contact.value, question: 'question' in parsed.data ? (parsed.data.question as string) : null };
}

/**
 * A visitor asks to talk (chat, audio or video): a waiting conversation in the on-duty queue. One
 * at a time: asking again while one is waiting or open returns that one. Outside the working hours
 * or with nobody on duty the answer is `offline`, and the page offers to leave a question instead.
 */
export async function startConversation(db: Database, input: StartInput): Promise<StartOutcome> {
	const now = input.now ?? new Date();
	const who = await identify(db, input.visitor, input.fields, false);
	if (!who.ok) return { status: 'invalid', errors: who.errors };
	return db.transaction(async (tx) => {
		const current = await findVisitorConversation(tx, input.visitor, { now, forUpdate: true });
		if (current && (current.status === 'waiting' || current.status === 'open')) return { status: 'existing', conversationId: current.id };
		if (!(await isConsultantLive(tx, input.hours, now))) return { status: 'offline' };
		const [row] = await tx
			.insert(consultantConversation)
			.values({ status: 'waiting', mode: input.mode, locale: input.locale, applicantUserId: input.visitor.userId, visitorTokenHash: input.visitor.tokenHash, visitorName: who.name, visitorContact: who.contact, createdAt: now })
			.returning({ id: consultantConversation.id });
		await recordAuditEvent(tx, { action: 'consultant.conversation_started', actorUserId: input.visitor.userId, subject: String(row!.id), details: { mode: input.mode } });
		await notifyConversation(tx, row!.id, { queue: true });
		return { status: 'started', conversationId: row!.id };
	});
}

export type QuestionOutcome = { status: 'left'; conversationId: number } | { status: 'invalid'; errors: FieldErrors };

/** Outside working hours: a question a consultant answers later, by email or SMS to the contact given. */
export async function leaveQuestion(db: Database, input: Omit<StartInput, 'mode' | 'hours'>): Promise<QuestionOutcome> {
	const now = input.now ?? new Date();
	const who = await identify(db, input.visitor, input.fields, true);
	if (!who.ok) return { status: 'invalid', errors: who.errors };
	if (!who.contact) return { status: 'invalid', errors: { question: 'error_consultant_no_contact' } };
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(consultantConversation)
			.values({ status: 'question', mode: 'chat', locale: input.locale, applicantUserId: input.visitor.userId, visitorTokenHash: input.visitor.tokenHash, visitorName: who.name, visitorContact: who.contact, createdAt: now })
			.returning({ id: consultantConversation.id });
		await tx.insert(consultantMessage).values({ conversationId: row!.id, author: 'visitor', authorUserId: input.visitor.userId, body: who.question!, createdAt: now });
		await recordAuditEvent(tx, { action: 'consultant.question_left', actorUserId: input.visitor.userId, subject: String(row!.id) });
		await notifyConversation(tx, row!.id, { queue: true });
		return { status: 'left', conversationId: row!.id };
	});
}
