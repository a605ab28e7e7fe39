import { asc, eq } from 'drizzle-orm';
import type { StepDefinition } from '../../applications/form-definition.ts';
import type { ApplicationStatus } from '../../applications/status.ts';
import { stepStatuses, type StepStatus } from '../../applications/step-status.ts';
import type { StepValue } from '../../applications/validate-step.ts';
import type { ResultDocumentView } from '../../applications/result-document.ts';
import { nextSigner } from '../../signing/signing-plan.ts';
import type { Locale } from '../../i18n/localized.ts';
import { userAccount } from '../accounts/schema.ts';
import type { Actor } from '../access/actor.ts';
import { provider, service } from '../catalog/schema.ts';
import { show, type ShownText } from '../catalog/localize.ts';
import type { Executor } from '../db/client.ts';
import { findApplicationIn, type Area } from './find-own-application.ts';
import { documentSignature } from '../signatures/schema.ts';
import { applicationDocument, applicationStep, formDefinition, resultDocument } from './schema.ts';

export interface AttachedDocument {
	id: string;
	stepKey: string;
	requirementKey: string;
	originalName: string;
	documentType: string;
	sizeBytes: number;
	createdAt: Date;
}

export interface ApplicationForm {
	number: string;
	status: ApplicationStatus;
	/** Returned for correction: the steps the applicant may change before sending it again. */
	correctionSteps: string[];
	submissionKey: string;
	createdAt: Date;
	submittedAt: Date | null;
	service: { slug: string; title: ShownText; termDays: number };
	provider: { name: ShownText; phone: string | null; email: string | null; bin: string | null };
	applicant: { organisation: string; iinBin: string; name: string };
	steps: StepDefinition[];
	answers: Record<string, Record<string, StepValue>>;
	statuses: StepStatus[];
	documents: AttachedDocument[];
	/** What the provider issued: answers, acts, agreements, refusals. */
	results: ResultDocumentView[];
}

/** Everything the application's pages show: header, steps with their state, answers and files. */
export async function getApplicationForm(db: Executor, user: Actor, number: string, locale: Locale, area: Area = 'cabinet'): Promise<ApplicationForm> {
	const row = await findApplicationIn(area, db, user, number);
	const [context] = await db
		.select({ service, provider, steps: formDefinition.steps, applicant: userAccount })
		.from(formDefinition)
		.innerJoin(service, eq(service.id, formDefinition.serviceId))
		.innerJoin(provider, eq(provider.id, service.providerId))
		.innerJoin(userAccount, eq(userAccount.id, row.applicantUserId))
		.where(eq(formDefinition.id, row.formDefinitionId));
	const [saved, documents, issued, signatures] = await Promise.all([
		db.select().from(applicationStep).where(eq(applicationStep.applicationId, row.id)),
		db
			.select({
				id: applicationDocument.id,
				stepKey: applicationDocument.stepKey,
				requirementKey: applicationDocument.requirementKey,
				originalName: applicationDocument.originalName,
				documentType: applicationDocument.documentType,
				sizeBytes: applicationDocument.sizeBytes,
				createdAt: applicationDocument.createdAt
			})
			.from(applicationDocument)
			.where(eq(applicationDocument.applicationId, row.id))
			.orderBy(asc(applicationDocument.createdAt)),
		db
			.select({
				id: resultDocument.id,
				kind: resultDocument.kind,
				originalName: resultDocument.originalName,
				sizeBytes: resultDocument.sizeBytes,
				signers: resultDocument.signers,
				frozenAt: resultDocument.frozenAt,
				createdAt: resultDocument.createdAt
			})
			.from(resultDocument)
			.where(eq(resultDocument.applicationId, row.id))
			.orderBy(asc(resultDocument.createdAt)),
		db
			.select({
				resultDocumentId: documentSignature.resultDocumentId,
				party: documentSignature.party,
				commonName: documentSignature.commonName,
				organisation: documentSignature.organisation,
				verifiedAt: documentSignature.verifiedAt,
				subject: documentSignature.subject,
				serialNumber: documentSignature.serialNumber,
				issuer: documentSignature.issuer,
				notBefore: documentSignature.notBefore,
				notAfter: documentSignature.notAfter
			})
			.from(documentSignature)
			.innerJoin(resultDocument, eq(resultDocument.id, documentSignature.resultDocumentId))
			.where(eq(resultDocument.applicationId, row.id))
			.orderBy(asc(documentSignature.verifiedAt))
	]);
	const results: ResultDocumentView[] = issued.map((document) => {
		const own = signatures.filter((signature) => signature.resultDocumentId === document.id).map(({ party, commonName, organisation, verifiedAt, ...certificate }) => ({ party, commonName, organisation, verifiedAt, certificate: { subject: certificate.subject, serialNumber: certificate.serialNumber, issuer: certificate.issuer, notBefore: certificate.notBefore, notAfter: certificate.notAfter } }));
		const awaiting = document.frozenAt ? nextSigner(document.signers, own.map((signature) => signature.party)) : null;
		return { ...document, signatures: own, awaiting };
	});
	const { service: s, provider: p, steps, applicant } = context!;
	const fileCounts: Record<string, number> = {};
	for (const document of documents) fileCounts[document.requirementKey] = (fileCounts[document.requirementKey] ?? 0) + 1;
	const fullName = [applicant.lastName, applicant.firstName, applicant.patronymic].filter(Boolean).join(' ');
	return {
		number: row.number,
		status: row.status,
		correctionSteps: row.status === 'returned' ? (row.correctionSteps ?? []) : [],
		submissionKey: row.submissionKey,
		createdAt: row.createdAt,
		submittedAt: row.submittedAt,
		service: { slug: s.slug, title: show(s.title, locale), termDays: s.termDays },
		provider: { name: show(p.shortName ?? p.name, locale), phone: p.phone, email: p.email, bin: p.bin },
		applicant: { organisation: applicant.organisationName ?? fullName, iinBin: applicant.login, name: fullName },
		steps,
		answers: Object.fromEntries(saved.map((step) => [step.stepKey, step.answers])),
		statuses: stepStatuses(
			steps,
			saved.map((step) => ({ stepKey: step.stepKey, isComplete: step.isComplete })),
			fileCounts
		),
		documents,
		results
	};
}
