import type { Actor } from './actor.ts';

/**
 * Who may do what in the virtual consultant. The visitor is whoever started the conversation: a
 * signed-in applicant by their account, anyone else by the browser-session token only they hold.
 * Consultants are portal staff, not a provider's: every on-duty consultant sees the one queue.
 */
export interface Visitor {
	userId: number | null;
	tokenHash: string | null;
}

export function canConsult(actor: Pick<Actor, 'role'> | null | undefined): boolean {
	return actor?.role === 'consultant';
}

export function isConversationVisitor(conversation: { applicantUserId: number | null; visitorTokenHash: string | null }, visitor: Visitor): boolean {
	if (visitor.userId !== null && conversation.applicantUserId === visitor.userId) return true;
	return visitor.tokenHash !== null && conversation.visitorTokenHash === visitor.tokenHash;
}

/** Only the consultant who took a conversation writes in it, hands it over or closes it. */
export function isAssignedConsultant(conversation: { consultantUserId: number | null }, actor: Pick<Actor, 'id' | 'role'>): boolean {
	return canConsult(actor) && conversation.consultantUserId === actor.id;
}
