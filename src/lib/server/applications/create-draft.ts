import { and, desc, eq, sql } from 'drizzle-orm';
import { formatApplicationNumber } from '../../applications/application-number.ts';
import type { PrefillSource, StepDefinition } from '../../applications/form-definition.ts';
import type { StepValue } from '../../applications/validate-step.ts';
import { userAccount } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/session.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { service } from '../catalog/schema.ts';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';
import { isApplicant } from '../access/actor.ts';
import { AppError } from '../errors.ts';
import { application, applicationStep, formDefinition } from './schema.ts';

type ClientCard = Pick<typeof userAccount.$inferSelect, 'kind' | 'login' | 'organisationName' | 'lastName' | 'firstName' | 'patronymic' | 'phone' | 'email'>;

function prefillValue(source: PrefillSource, card: ClientCard): string | null {
	switch (source) {
		case 'organisation_name':
			return card.organisationName;
		case 'iin_bin':
			return card.login;
		case 'last_name':
			return card.lastName;
		case 'first_name':
			return card.firstName;
		case 'patronymic':
			return card.patronymic;
		case 'full_name':
			return [card.lastName, card.firstName, card.patronymic].filter(Boolean).join(' ');
		case 'phone':
			return card.phone;
		case 'email':
			return card.email;
	}
}

/** Answers the client card already knows, step by step. Nothing is marked complete: the applicant checks and saves. */
export function prefilledAnswers(steps: StepDefinition[], card: ClientCard): { stepKey: string; answers: Record<string, StepValue> }[] {
	return steps
		.map((step) => {
			const answers: Record<string, StepValue> = {};
			for (const field of step.fields) {
				const value = field.prefill ? prefillValue(field.prefill, card) : null;
				if (value) answers[field.key] = value;
			}
			return { stepKey: step.key, answers };
		})
		.filter((entry) => Object.keys(entry.answers).length > 0);
}

/**
 * "Order the service": a draft with its number, on the service's current form version, with the
 * client card's data filled in.
 */
export async function createDraft(db: Database, user: SessionUser, input: { serviceSlug: string; ipAddress?: string; now?: Date }): Promise<{ number: string; firstStepKey: string }> {
	if (!isApplicant(user)) throw new AppError('application.applicants_only');
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const [target] = await tx
			.select({ serviceId: service.id, definitionId: formDefinition.id, steps: formDefinition.steps })
			.from(service)
			.innerJoin(formDefinition, eq(formDefinition.serviceId, service.id))
			.where(and(eq(service.slug, input.serviceSlug), eq(service.isPublished, true)))
			.orderBy(desc(formDefinition.version))
			.limit(1);
		if (!target) throw new AppError('service.not_found');
		const [card] = await tx
			.select({
				kind: userAccount.kind,
				login: userAccount.login,
				organisationName: userAccount.organisationName,
				lastName: userAccount.lastName,
				firstName: userAccount.firstName,
				patronymic: userAccount.patronymic,
				phone: userAccount.phone,
				email: userAccount.email
			})
			.from(userAccount)
			.where(eq(userAccount.id, user.id));
		if (!card) throw new AppError('application.applicants_only');
		const [{ sequence }] = (await queryRows<{ sequence: string }>(tx, sql`select nextval('application_number_seq') as sequence`)) as [{ sequence: string }];
		const number = formatApplicationNumber(Number(sequence), now);
		const [created] = await tx
			.insert(application)
			.values({
				number,
				serviceId: target.serviceId,
				formDefinitionId: target.definitionId,
				applicantUserId: user.id,
				organisationBin: card.kind === 'legal_entity' ? card.login : null,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: application.id });
		const prefilled = prefilledAnswers(target.steps, card);
		if (prefilled.length > 0) {
			await tx.insert(applicationStep).values(prefilled.map((entry) => ({ applicationId: created!.id, stepKey: entry.stepKey, answers: entry.answers, isComplete: false, savedAt: now })));
		}
		await recordAuditEvent(tx, { action: 'application.draft_created', actorUserId: user.id, subject: number, ipAddress: input.ipAddress });
		return { number, firstStepKey: target.steps[0]!.key };
	});
}
