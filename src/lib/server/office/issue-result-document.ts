import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { kazakhstanDateTime } from '../../i18n/formats.ts';
import { messageByKey } from '../../i18n/message-by-key.ts';
import { m } from '../../paraglide/messages.js';
import { multiLineText } from '../../schemas/text.ts';
import type { Actor } from '../access/actor.ts';
import { allowedTransitions, officeRole } from '../access/application-policy.ts';
import { userAccount } from '../accounts/schema.ts';
import { applyTransition } from '../applications/apply-transition.ts';
import { findApplicationIn } from '../applications/find-own-application.ts';
import { getApplicationForm } from '../applications/get-application-form.ts';
import { application, RESULT_DOCUMENT_KINDS, resultDocument, type ResultDocumentKind } from '../applications/schema.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { detectDocumentType } from '../files/detect-file-type.ts';
import type { ReceivedFile } from '../files/receive-form.ts';
import type { FileStorage } from '../files/storage.ts';
import { generateResultPdf } from '../results/generate-result-pdf.ts';
import { getConfig, publicOrigin } from '../config.ts';
import { route } from '../../route.ts';
import { isSigningPlan, offeredSigningPlans, SIGNING_PLANS } from '../../signing/signing-plan.ts';
import { providerSigning } from './provider-signing.ts';

export const RESULT_TEXT_MAX_LENGTH = 20_000;

export type IssueSource = { source: 'generated'; body: string } | { source: 'uploaded'; file: ReceivedFile | null };

export type IssueInput = IssueSource & { number: string; kind: string; signing: string; ipAddress?: string; now?: Date };

export type IssueOutcome = { status: 'issued'; id: string } | { status: 'invalid'; errors: { kind?: string; body?: string; file?: string; signing?: string } };

export function isResultKind(value: string): value is ResultDocumentKind {
	return (RESULT_DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** Everything the office needs to store files: where they go and where they wait while checked. */
export interface ResultFileServices {
	storage: FileStorage;
	tempDirectory: string;
	maxUploadBytes: number;
}

/**
 * Issues a result document on an application in work: a PDF the executor uploads, or one made from
 * the application's data and the executor's text, in the applicant's language. The file is checked
 * and stored first; then, under the application's lock, the transition table is asked again and the
 * document, the thread's line, the applicant's notice and the audit go in one transaction. A stored
 * file whose transaction failed is removed.
 */
export async function issueResultDocument(db: Database, files: ResultFileServices, actor: Actor, input: IssueInput): Promise<IssueOutcome> {
	const now = input.now ?? new Date();
	const row = await findApplicationIn('office', db, actor, input.number);
	const role = officeRole(actor);
	if (!role || !allowedTransitions(actor, row.status).includes('issue_document')) throw new AppError('application.transition_not_allowed');

	const errors: { kind?: string; body?: string; file?: string; signing?: string } = {};
	if (!isResultKind(input.kind)) errors.kind = 'error_office_kind_required';
	const offered = offeredSigningPlans((await providerSigning(db, actor.providerId!)).canSign);
	if (!isSigningPlan(input.signing) || !offered.includes(input.signing)) errors.signing = 'error_office_signing_required';
	const body = input.source === 'generated' ? multiLineText(RESULT_TEXT_MAX_LENGTH).safeParse(input.body) : null;
	if (body && !body.success) errors.body = body.error.issues[0]!.message;
	if (input.source === 'uploaded') {
		if (!input.file) errors.file = 'error_document_missing';
		else if (input.file.sizeBytes > files.maxUploadBytes) errors.file = 'error_file_too_large';
		else if ((await detectDocumentType(input.file.tempPath)) !== 'pdf') errors.file = 'error_office_pdf_only';
	}
	if (Object.keys(errors).length > 0 || !isResultKind(input.kind) || !isSigningPlan(input.signing)) return { status: 'invalid', errors };
	const kind = input.kind;
	const signers = [...SIGNING_PLANS[input.signing]];

	// The id is chosen first: a generated document prints where it is checked, /verify/<id>.
	const documentId = randomUUID();
	const made = input.source === 'generated' ? await writeGenerated(db, files, actor, { number: input.number, kind, body: body!.data!, now, documentId }) : null;
	const file = made ?? (input.source === 'uploaded' ? input.file! : null)!;
	const storageKey = `results/${randomUUID()}`;
	try {
		await files.storage.save(storageKey, file.tempPath);
	} finally {
		if (made) await rm(made.tempPath, { force: true });
	}
	try {
		return await db.transaction(async (tx) => {
			const locked = await findApplicationIn('office', tx, actor, input.number, { forUpdate: true });
			if (!allowedTransitions(actor, locked.status).includes('issue_document')) throw new AppError('application.transition_not_allowed');
			const [document] = await tx
				.insert(resultDocument)
				.values({ id: documentId, applicationId: locked.id, kind, storageKey, originalName: file.originalName, documentType: 'pdf', sizeBytes: file.sizeBytes, sha256: file.sha256, signers, issuedByUserId: actor.id, createdAt: now })
				.returning({ id: resultDocument.id });
			await applyTransition(tx, locked, { action: 'issue_document', actor: role, actorUserId: actor.id, ipAddress: input.ipAddress, now, params: { document: file.originalName } });
			return { status: 'issued' as const, id: document!.id };
		});
	} catch (cause) {
		await files.storage.remove(storageKey).catch(() => undefined);
		throw cause;
	}
}

/** The generated PDF, written to the temp directory like an upload, in the applicant's language. */
async function writeGenerated(db: Database, files: ResultFileServices, actor: Actor, input: { number: string; kind: ResultDocumentKind; body: string; now: Date; documentId: string }): Promise<ReceivedFile> {
	// The document speaks the applicant's language, whoever in the office issues it.
	const [owner] = await db
		.select({ locale: userAccount.locale })
		.from(application)
		.innerJoin(userAccount, eq(userAccount.id, application.applicantUserId))
		.where(eq(application.number, input.number));
	const locale = owner?.locale ?? 'kk';
	const form = await getApplicationForm(db, actor, input.number, locale, 'office');
	const [executor] = await db.select({ lastName: userAccount.lastName, firstName: userAccount.firstName }).from(userAccount).where(eq(userAccount.id, actor.id));
	const pdf = await generateResultPdf({
		title: messageByKey(`result_document_${input.kind}`, {}, locale),
		labels: {
			application: m.result_pdf_application({}, { locale }),
			applicant: m.result_pdf_applicant({}, { locale }),
			identifier: m.result_pdf_identifier({}, { locale }),
			service: m.result_pdf_service({}, { locale }),
			executor: m.result_pdf_executor({}, { locale }),
			date: m.result_pdf_date({}, { locale })
		},
		number: form.number,
		provider: { name: form.provider.name.text, contacts: [form.provider.bin ? m.result_pdf_bin({ bin: form.provider.bin }, { locale }) : null, form.provider.phone, form.provider.email].filter((line): line is string => !!line) },
		applicant: { name: form.applicant.organisation, identifier: form.applicant.iinBin },
		service: form.service.title.text,
		body: input.body,
		executor: executor ? `${executor.lastName} ${executor.firstName}` : '',
		issuedOn: kazakhstanDateTime(locale, { dateStyle: 'long' }).format(input.now),
		issuedAt: input.now,
		verification: { url: `${publicOrigin(getConfig())}${route.verifyDocument(input.documentId)}`, label: m.result_pdf_verification({}, { locale }) }
	});
	await mkdir(files.tempDirectory, { recursive: true });
	const tempPath = path.join(files.tempDirectory, `result-${randomUUID()}`);
	await writeFile(tempPath, pdf);
	const name = messageByKey(`result_document_${input.kind}`, {}, 'en').toLowerCase().replace(/[^a-z]+/g, '-');
	return { tempPath, originalName: `${name}-${form.number}.pdf`, sizeBytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') };
}
