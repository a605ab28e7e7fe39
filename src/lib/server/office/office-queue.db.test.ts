import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../applications/form-definition.ts';
import type { Actor } from '../access/actor.ts';
import { userAccount, type Role } from '../accounts/schema.ts';
import { createDraft } from '../applications/create-draft.ts';
import { application, applicationEvent, applicationMessage, resultDocument } from '../applications/schema.ts';
import { seedFormDefinitions } from '../applications/seed-form-definitions.ts';
import { auditEvent } from '../audit/schema.ts';
import { provider } from '../catalog/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { outboxMessage } from '../notifications/schema.ts';
import { assignExecutor } from './assign-executor.ts';
import { listOfficeQueue } from './list-office-queue.ts';
import { listProviderExecutors } from './list-provider-executors.ts';
import { moveApplication } from './move-application.ts';
import { readQueueFilter } from './queue-filter.ts';
import { rejectApplication } from './reject-application.ts';
import { returnApplication } from './return-application.ts';
import { saveStep } from '../applications/save-step.ts';
import { submitApplication } from '../applications/submit-application.ts';
import { postMessage } from '../applications/post-message.ts';
import { markThreadRead, readThread } from '../applications/read-thread.ts';
import { countUnreadMessages } from '../applications/count-unread-messages.ts';
import { createLocalStorage } from '../files/local-storage.ts';
import { openDocument } from '../applications/open-document.ts';
import type { SessionUser } from '../accounts/session.ts';
import { issueResultDocument } from './issue-result-document.ts';
import { requestSignature } from './request-signature.ts';
import { notifyApplicant } from './notify-applicant.ts';
import { listAssignmentSettings, setAutomaticAssignment } from './automatic-assignment.ts';
import { getServiceRating } from '../survey/get-service-rating.ts';
import { findOwnRating } from '../survey/find-rating.ts';
import { rateService } from '../survey/rate-service.ts';
import { listProviderRatings } from '../survey/list-ratings.ts';

const text = (en: string) => ({ kk: en, ru: en, en });
const steps: StepDefinition[] = [{ key: 'question', title: text('Question'), fields: [{ key: 'question', type: 'long_text', label: text('Question'), isRequired: false }], documents: [] }];
const NOW = new Date('2026-11-20T06:00:00Z');
const DAY = 86_400_000;

let handle: DatabaseHandle;
const people: Record<string, Actor> = {};

async function person(name: string, role: Role, login: string, providerSlug?: string, isActive = true): Promise<Actor> {
	const providerId = providerSlug ? (await handle.db.select({ id: provider.id }).from(provider).where(eq(provider.slug, providerSlug)))[0]!.id : null;
	const [row] = await handle.db
		.insert(userAccount)
		.values({ login, kind: 'individual', role, firstName: name, lastName: 'Test', phone: '+77011234567', email: `${name}@example.kz`, notificationChannel: 'email', passwordHash: 'x', isActive, providerId })
		.returning();
	return { id: row!.id, role, kind: 'individual', login, providerId };
}

/** A sent application of the agency's subsidy service (term 10 days), sent `daysAgo` days before NOW. */
async function sent(owner: Actor, daysAgo: number, serviceSlug = 'subsidy'): Promise<string> {
	const draft = await createDraft(handle.db, { ...owner, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' }, { serviceSlug });
	await handle.db.update(application).set({ status: 'submitted', submittedAt: new Date(NOW.getTime() - daysAgo * DAY) }).where(eq(application.number, draft.number));
	return draft.number;
}

const filter = (query = '') => readQueueFilter(new URLSearchParams(query));
const list = (actor: Actor, query = '') => listOfficeQueue(handle.db, actor, filter(query), { locale: 'en', now: NOW });

let fresh: string, old: string, overdue: string, chamberOne: string;

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	await seedFormDefinitions(handle.db, { subsidy: steps, 'ppp-consultation': steps });
	people.owner = await person('Owner', 'applicant', '900101300014');
	people.other = await person('Zhanar', 'applicant', '850505300011');
	people.supervisor = await person('Supervisor', 'supervisor', '800101300016', 'agency');
	people.executor = await person('Executor', 'executor', '800101300026', 'agency');
	people.colleague = await person('Colleague', 'executor', '800101300027', 'agency');
	people.gone = await person('Gone', 'executor', '800101300028', 'agency', false);
	people.chamberSupervisor = await person('Chamber', 'supervisor', '800101300017', 'chamber');
	people.chamberExecutor = await person('ChamberExec', 'executor', '800101300036', 'chamber');
	fresh = await sent(people.owner!, 1);
	old = await sent(people.other!, 8);
	overdue = await sent(people.owner!, 14);
	chamberOne = await sent(people.other!, 3, 'ppp-consultation');
	await createDraft(handle.db, { ...people.owner!, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' }, { serviceSlug: 'subsidy' });
});
afterAll(async () => {
	await handle?.close();
});

describe('the office queue', () => {
	it("shows a supervisor the provider's sent applications, the least time left first, with counters", async () => {
		const queue = await list(people.supervisor!);
		expect(queue.rows.map((row) => row.number)).toEqual([overdue, old, fresh]);
		expect(queue.rows[0]!.waiting).toEqual({ kind: 'overdue', days: 4, isPaused: false });
		expect(queue.rows[2]!.waiting).toEqual({ kind: 'days_left', days: 9, isPaused: false });
		expect(queue.counts.submitted).toBe(3);
		expect(queue.counts.draft).toBe(0);
		expect(queue.rows[1]!.applicant).toEqual({ name: 'Test Zhanar', identifier: '850505300011' });
	});

	it('narrows by overdue, executor, service, status and the search box', async () => {
		expect((await list(people.supervisor!, 'overdue=1')).rows.map((row) => row.number)).toEqual([overdue]);
		expect((await list(people.supervisor!, 'executor=none')).total).toBe(3);
		expect((await list(people.supervisor!, `q=${fresh}`)).rows.map((row) => row.number)).toEqual([fresh]);
		expect((await list(people.supervisor!, 'q=850505300011')).rows.map((row) => row.number)).toEqual([old]);
		expect((await list(people.supervisor!, 'q=zhan')).rows.map((row) => row.number)).toEqual([old]);
		expect((await list(people.supervisor!, 'q=100%25')).total).toBe(0);
		expect((await list(people.supervisor!, 'status=completed')).total).toBe(0);
		// Another provider's service or a number from elsewhere narrows to nothing, never widens.
		expect((await list(people.supervisor!, `q=${chamberOne}`)).total).toBe(0);
		expect((await list(people.chamberSupervisor!)).rows.map((row) => row.number)).toEqual([chamberOne]);
	});

	it('survives a hand-made address', async () => {
		const queue = await list(people.supervisor!, 'status=draft&page=-4&service=x&executor=1e9&q=%00');
		expect(queue.page).toBe(1);
		expect(queue.total).toBe(3);
		expect((await list(people.supervisor!, 'page=999')).page).toBe(1);
	});
});

describe('assigning', () => {
	it('gives a selection to an executor in one go, writes the thread, the notice and the audit, and shows it to that executor only', async () => {
		expect(await list(people.executor!)).toMatchObject({ total: 0 });
		const outcome = await assignExecutor(handle.db, people.supervisor!, { numbers: [fresh, overdue], executorId: people.executor!.id, now: NOW });
		expect(outcome).toEqual({ assigned: expect.arrayContaining([fresh, overdue]), unchanged: [] });

		expect((await list(people.executor!)).rows.map((row) => row.number)).toEqual([overdue, fresh]);
		expect((await list(people.colleague!)).total).toBe(0);
		const [row] = await handle.db.select().from(application).where(eq(application.number, fresh));
		expect(row).toMatchObject({ status: 'submitted', assignedExecutorId: people.executor!.id });
		const thread = await handle.db.select().from(applicationMessage).where(eq(applicationMessage.applicationId, row!.id));
		expect(thread).toEqual([expect.objectContaining({ kind: 'system', event: 'application.assign', params: { number: fresh, executor: 'Test Executor' } })]);
		const mail = await handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, 'Owner@example.kz'));
		// In the applicant's language, Kazakh unless they chose another.
		expect(mail.map((message) => message.body)).toContain(`Атамекен Сервистері: № ${fresh} өтінімге орындаушы тағайындалды: Test Executor.`);
		expect((await handle.db.select().from(auditEvent).where(eq(auditEvent.subject, fresh))).map((event) => event.action)).toContain('application.assign');
		expect((await listProviderExecutors(handle.db, people.supervisor!.providerId!)).map((e) => [e.name, e.openCount])).toEqual([
			['Test Colleague', 0],
			['Test Executor', 2]
		]);

		// Again: nothing new is written for what is already theirs; reassigning moves it.
		expect(await assignExecutor(handle.db, people.supervisor!, { numbers: [fresh], executorId: people.executor!.id, now: NOW })).toEqual({ assigned: [], unchanged: [fresh] });
		await assignExecutor(handle.db, people.supervisor!, { numbers: [fresh], executorId: people.colleague!.id, now: NOW });
		expect((await list(people.colleague!)).rows.map((r) => r.number)).toEqual([fresh]);
		expect((await list(people.supervisor!, `executor=${people.colleague!.id}`)).rows.map((r) => r.number)).toEqual([fresh]);
	});

	it("refuses, all or nothing, another provider's application, an executor from elsewhere or gone, and anyone but a supervisor", async () => {
		const before = await handle.db.select({ number: application.number, executor: application.assignedExecutorId }).from(application);
		await expect(assignExecutor(handle.db, people.supervisor!, { numbers: [old, chamberOne], executorId: people.executor!.id })).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(assignExecutor(handle.db, people.supervisor!, { numbers: [old], executorId: people.chamberExecutor!.id })).rejects.toMatchObject({ code: 'office.executor_not_found' });
		await expect(assignExecutor(handle.db, people.supervisor!, { numbers: [old], executorId: people.gone!.id })).rejects.toMatchObject({ code: 'office.executor_not_found' });
		await expect(assignExecutor(handle.db, people.executor!, { numbers: [overdue], executorId: people.colleague!.id })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });
		await expect(assignExecutor(handle.db, people.owner!, { numbers: [old], executorId: people.executor!.id })).rejects.toMatchObject({ code: 'office.executor_not_found' });
		await expect(assignExecutor(handle.db, people.chamberSupervisor!, { numbers: [old], executorId: people.chamberExecutor!.id })).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(assignExecutor(handle.db, people.supervisor!, { numbers: [], executorId: people.executor!.id })).rejects.toMatchObject({ code: 'office.nothing_selected' });
		expect(await handle.db.select({ number: application.number, executor: application.assignedExecutorId }).from(application)).toEqual(before);
	});
});

describe('deciding', () => {
	it('takes an assigned application into work, completes it, and changes nothing when asked again', async () => {
		const number = await sent(people.owner!, 2);
		await assignExecutor(handle.db, people.supervisor!, { numbers: [number], executorId: people.executor!.id, now: NOW });
		// Only the executor it is assigned to takes it; the supervisor does not do the work.
		await expect(moveApplication(handle.db, people.colleague!, { number, action: 'take' })).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(moveApplication(handle.db, people.supervisor!, { number, action: 'take' })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });
		await expect(moveApplication(handle.db, people.executor!, { number, action: 'complete' })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });
		expect(await moveApplication(handle.db, people.executor!, { number, action: 'take', expectedStatus: 'submitted', now: NOW })).toEqual({ status: 'in_progress', isChanged: true });
		expect(await moveApplication(handle.db, people.executor!, { number, action: 'take', expectedStatus: 'submitted', now: NOW })).toEqual({ status: 'in_progress', isChanged: false });
		expect(await moveApplication(handle.db, people.executor!, { number, action: 'complete', expectedStatus: 'in_progress', now: NOW })).toEqual({ status: 'completed', isChanged: true });
		const [row] = await handle.db.select().from(application).where(eq(application.number, number));
		const thread = await handle.db.select({ event: applicationMessage.event }).from(applicationMessage).where(eq(applicationMessage.applicationId, row!.id));
		expect(thread.map((message) => message.event)).toEqual(['application.assign', 'application.in_progress', 'application.completed']);
		// The status history has the changes of status only: assigning kept it, so it is not listed.
		const history = await handle.db.select({ toStatus: applicationEvent.toStatus }).from(applicationEvent).where(eq(applicationEvent.applicationId, row!.id));
		expect(history.map((entry) => entry.toStatus)).toEqual(['in_progress', 'completed']);
	});

	it('rejects with the reason the applicant reads, and refuses an empty or broken reason without writing', async () => {
		const number = await sent(people.other!, 1);
		expect(await rejectApplication(handle.db, people.supervisor!, { number, reason: '   ' })).toEqual({ status: 'invalid', error: 'error_required' });
		expect(await rejectApplication(handle.db, people.supervisor!, { number, reason: 'a\u0000b' })).toEqual({ status: 'invalid', error: 'error_invalid_characters' });
		expect(await rejectApplication(handle.db, people.supervisor!, { number, reason: 'x'.repeat(2001) })).toEqual({ status: 'invalid', error: 'error_too_long' });
		await expect(rejectApplication(handle.db, people.chamberSupervisor!, { number, reason: 'Not ours' })).rejects.toMatchObject({ code: 'application.not_found' });
		const [before] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(before!.status).toBe('submitted');

		expect(await rejectApplication(handle.db, people.supervisor!, { number, reason: 'The company is not registered in Almaty.\nApply to your region.' })).toEqual({ status: 'rejected' });
		const [after] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(after!.status).toBe('rejected');
		const [message] = await handle.db.select().from(applicationMessage).where(eq(applicationMessage.applicationId, after!.id));
		expect(message).toMatchObject({ event: 'application.rejected', params: { number, reason: 'The company is not registered in Almaty.\nApply to your region.' } });
		// Final: nobody moves it again.
		await expect(rejectApplication(handle.db, people.supervisor!, { number, reason: 'Again' })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });
	});
});

describe('returning for correction', () => {
	it('sends it back with what to fix, lets the applicant change those steps only, stops the clock until it is sent again', async () => {
		const owner = { ...people.owner!, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' as const };
		const number = await sent(people.owner!, 2);
		await assignExecutor(handle.db, people.supervisor!, { numbers: [number], executorId: people.executor!.id, now: NOW });
		await moveApplication(handle.db, people.executor!, { number, action: 'take', now: NOW });
		await expect(saveStep(handle.db, owner, { number, stepKey: 'question', answers: { question: 'too late' } })).rejects.toMatchObject({ code: 'application.not_editable' });

		expect(await returnApplication(handle.db, people.executor!, { number, comment: ' ', stepKeys: ['no-such-step'] })).toEqual({ status: 'invalid', errors: { comment: 'error_required', steps: 'error_office_steps_required' } });
		await expect(returnApplication(handle.db, people.colleague!, { number, comment: 'Fix it', stepKeys: ['question'] })).rejects.toMatchObject({ code: 'application.not_found' });
		const [before] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(await returnApplication(handle.db, people.executor!, { number, comment: 'Attach the signed questionnaire.', stepKeys: ['question'], now: NOW })).toEqual({ status: 'returned' });
		const [returned] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(returned).toMatchObject({ status: 'returned', correctionSteps: ['question'], clockPausedAt: NOW });
		expect(returned!.submissionKey).not.toBe(before!.submissionKey);
		expect((await list(people.executor!, `q=${number}`)).rows[0]!.waiting).toMatchObject({ isPaused: true });

		// The applicant fixes the step and sends it again, three days later: those days do not count.
		await saveStep(handle.db, owner, { number, stepKey: 'question', answers: { question: 'Questionnaire attached' } });
		const later = new Date(NOW.getTime() + 3 * DAY);
		await expect(submitApplication(handle.db, owner, { number, submissionKey: before!.submissionKey, now: later })).rejects.toMatchObject({ code: 'application.stale_form' });
		expect(await submitApplication(handle.db, owner, { number, submissionKey: returned!.submissionKey, now: later })).toEqual({ status: 'submitted' });
		expect(await submitApplication(handle.db, owner, { number, submissionKey: returned!.submissionKey, now: later })).toEqual({ status: 'submitted' });
		const [back] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(back).toMatchObject({ status: 'in_progress', correctionSteps: null, clockPausedAt: null, pausedSeconds: 3 * 86_400, assignedExecutorId: people.executor!.id });
		expect(back!.submittedAt).toEqual(before!.submittedAt);
		await expect(saveStep(handle.db, owner, { number, stepKey: 'question', answers: { question: 'changed again' } })).rejects.toMatchObject({ code: 'application.not_editable' });
		const events = await handle.db.select({ event: applicationMessage.event, params: applicationMessage.params }).from(applicationMessage).where(eq(applicationMessage.applicationId, back!.id));
		expect(events.map((message) => message.event)).toEqual(['application.assign', 'application.in_progress', 'application.returned', 'application.in_progress']);
		expect(events[2]!.params).toMatchObject({ comment: 'Attach the signed questionnaire.' });
	});
});

describe('the thread', () => {
	it('carries messages both ways, keeps staff notes from the applicant, and counts only what they can read as unread', async () => {
		const owner = { ...people.owner!, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' as const };
		const number = await sent(people.owner!, 1);
		await assignExecutor(handle.db, people.supervisor!, { numbers: [number], executorId: people.executor!.id, now: NOW });
		await markThreadRead(handle.db, owner, number);
		const unreadBefore = await countUnreadMessages(handle.db, owner);

		expect(await postMessage(handle.db, people.executor!, { number, area: 'office', text: 'Checked by the chamber first', isNote: true })).toMatchObject({ status: 'posted' });
		expect(await countUnreadMessages(handle.db, owner)).toBe(unreadBefore);
		expect((await readThread(handle.db, owner, number, 'en')).messages.map((message) => message.kind)).not.toContain('note');
		expect((await readThread(handle.db, people.supervisor!, number, 'en', 'office')).messages.map((message) => message.kind)).toContain('note');

		expect(await postMessage(handle.db, people.executor!, { number, area: 'office', text: 'Which quarter is it for?' })).toMatchObject({ status: 'posted' });
		expect(await countUnreadMessages(handle.db, owner)).toBe(unreadBefore + 1);
		expect(await postMessage(handle.db, owner, { number, area: 'cabinet', text: 'The first quarter of 2026.\nThank you.' })).toMatchObject({ status: 'posted' });
		const thread = (await readThread(handle.db, owner, number, 'en')).messages;
		expect(thread.slice(-2).map((message) => [message.kind, message.text, message.isMine])).toEqual([
			['staff', 'Which quarter is it for?', false],
			['applicant', 'The first quarter of 2026.\nThank you.', true]
		]);
		expect((await list(people.executor!, `q=${number}`)).rows[0]!.hasUnread).toBe(true);

		// Refused: an empty or broken text, someone else's application, a draft, a consultant.
		expect(await postMessage(handle.db, owner, { number, area: 'cabinet', text: '  ' })).toEqual({ status: 'invalid', error: 'error_required' });
		expect(await postMessage(handle.db, owner, { number, area: 'cabinet', text: 'a\u0000' })).toEqual({ status: 'invalid', error: 'error_invalid_characters' });
		await expect(postMessage(handle.db, people.other!, { number, area: 'cabinet', text: 'Hello' })).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(postMessage(handle.db, people.colleague!, { number, area: 'office', text: 'Hello' })).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(postMessage(handle.db, people.chamberSupervisor!, { number, area: 'office', text: 'Hello' })).rejects.toMatchObject({ code: 'application.not_found' });
		await expect(postMessage(handle.db, owner, { number, area: 'office', text: 'Hello' })).rejects.toMatchObject({ code: 'application.not_found' });
		const draft = await createDraft(handle.db, owner, { serviceSlug: 'subsidy' });
		await expect(postMessage(handle.db, owner, { number: draft.number, area: 'cabinet', text: 'Hello' })).rejects.toMatchObject({ code: 'application.not_editable' });
	});
});

describe('result documents', () => {
	it('issues a generated answer in the applicant language and an uploaded act, freezes what is to be signed, and checks the upload', async () => {
		const directory = mkdtempSync(path.join(tmpdir(), 'results-'));
		const files = { storage: createLocalStorage(path.join(directory, 'store')), tempDirectory: path.join(directory, 'tmp'), maxUploadBytes: 1024 * 1024 };
		try {
			const number = await sent(people.owner!, 1);
			await assignExecutor(handle.db, people.supervisor!, { numbers: [number], executorId: people.executor!.id, now: NOW });
			// Not in work yet: nothing can be issued.
			await expect(issueResultDocument(handle.db, files, people.executor!, { number, kind: 'consultation_answer', source: 'generated', body: 'Answer', signing: 'none' })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });
			await moveApplication(handle.db, people.executor!, { number, action: 'take', now: NOW });

			expect(await issueResultDocument(handle.db, files, people.executor!, { number, kind: 'nonsense', source: 'generated', body: ' ', signing: 'none' })).toEqual({ status: 'invalid', errors: { kind: 'error_office_kind_required', body: 'error_required' } });
			const fake = path.join(directory, 'fake.pdf');
			writeFileSync(fake, '<html>not a pdf</html>');
			expect(await issueResultDocument(handle.db, files, people.executor!, { number, kind: 'act', source: 'uploaded', file: { tempPath: fake, originalName: 'act.pdf', sizeBytes: 22, sha256: 'x' }, signing: 'applicant' })).toEqual({ status: 'invalid', errors: { file: 'error_office_pdf_only' } });
			expect(await issueResultDocument(handle.db, files, people.executor!, { number, kind: 'act', source: 'uploaded', file: null, signing: 'applicant' })).toEqual({ status: 'invalid', errors: { file: 'error_document_missing' } });

			const answer = await issueResultDocument(handle.db, files, people.executor!, { number, kind: 'consultation_answer', source: 'generated', body: 'Бірінші тоқсанға 1-Т нысанын ұсыныңыз.', signing: 'none', now: NOW });
			expect(answer.status).toBe('issued');
			const real = path.join(directory, 'act.pdf');
			writeFileSync(real, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
			const act = await issueResultDocument(handle.db, files, people.executor!, { number, kind: 'act', source: 'uploaded', file: { tempPath: real, originalName: 'act.pdf', sizeBytes: 44, sha256: 'abc' }, signing: 'applicant', now: NOW });
			expect(act.status).toBe('issued');
			const [row] = await handle.db.select().from(application).where(eq(application.number, number));
			const documents = await handle.db.select().from(resultDocument).where(eq(resultDocument.applicationId, row!.id));
			const generated = documents.find((document) => document.kind === 'consultation_answer')!;
			expect(generated).toMatchObject({ originalName: `consultation-answer-${number}.pdf`, documentType: 'pdf', signers: [], frozenAt: null, issuedByUserId: people.executor!.id });
			const bytes = readFileSync(path.join(directory, 'store', generated.storageKey));
			expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
			expect(createHash('sha256').update(bytes).digest('hex')).toBe(generated.sha256);
			expect(readdirSync(files.tempDirectory)).toEqual([]);

			// Who may download the result: the applicant in the cabinet, the executor and the supervisor in
			// the office; the executor it is not assigned to, another provider's staff and the applicant
			// at the office's address find nothing.
			const open = (actor: Actor, area: 'cabinet' | 'office') => openDocument(handle.db, files.storage, actor as SessionUser, { number, documentId: generated.id, source: 'result', area });
			for (const [actor, area] of [[people.owner!, 'cabinet'], [people.executor!, 'office'], [people.supervisor!, 'office']] as const) (await open(actor, area)).stream.destroy();
			for (const [actor, area] of [[people.colleague!, 'office'], [people.chamberSupervisor!, 'office'], [people.chamberExecutor!, 'office'], [people.owner!, 'office'], [people.other!, 'cabinet'], [people.executor!, 'cabinet']] as const) {
				await expect(open(actor, area), `${actor.role} ${actor.login} in the ${area}`).rejects.toMatchObject({ code: 'application.not_found' });
			}

			await requestSignature(handle.db, people.executor!, { number, now: NOW });
			const [waiting] = await handle.db.select().from(application).where(eq(application.number, number));
			expect(waiting).toMatchObject({ status: 'awaiting_signature', clockPausedAt: NOW });
			const after = await handle.db.select().from(resultDocument).where(eq(resultDocument.applicationId, row!.id));
			expect(after.find((document) => document.kind === 'act')!.frozenAt).toEqual(NOW);
			expect(after.find((document) => document.kind === 'consultation_answer')!.frozenAt).toBeNull();
			// Waiting for the signature: no more documents, and only the signature completes it.
			await expect(issueResultDocument(handle.db, files, people.executor!, { number, kind: 'other', source: 'generated', body: 'More', signing: 'none' })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });
			await expect(moveApplication(handle.db, people.executor!, { number, action: 'complete' })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });
		} finally {
			rmSync(directory, { recursive: true, force: true });
		}
	});

	it('refuses to send for signature when nothing needs signing', async () => {
		const number = await sent(people.owner!, 1);
		await assignExecutor(handle.db, people.supervisor!, { numbers: [number], executorId: people.executor!.id, now: NOW });
		await moveApplication(handle.db, people.executor!, { number, action: 'take', now: NOW });
		await expect(requestSignature(handle.db, people.executor!, { number })).rejects.toMatchObject({ code: 'office.nothing_to_sign' });
	});
});

describe('the quality survey', () => {
	it('is answered once per completed application, and the passport figures appear from the fifth rating', async () => {
		const owner = { ...people.other!, firstName: 'Zhanar', lastName: 'Test', organisationName: null, locale: 'en' as const };
		const [{ serviceId }] = (await handle.db.select({ serviceId: application.serviceId }).from(application).where(eq(application.number, fresh))) as [{ serviceId: number }];
		const before = await getServiceRating(handle.db, serviceId);
		const completedOne = async (daysAgo: number) => {
			const number = await sent(people.other!, daysAgo);
			await assignExecutor(handle.db, people.supervisor!, { numbers: [number], executorId: people.colleague!.id, now: NOW });
			await moveApplication(handle.db, people.colleague!, { number, action: 'take', now: NOW });
			await moveApplication(handle.db, people.colleague!, { number, action: 'complete', now: NOW });
			return number;
		};
		const open = await sent(people.other!, 1);
		await expect(rateService(handle.db, owner, { number: open, answers: { overall: '5', timeliness: '5', clarity: '5' }, comment: '' })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });

		const first = await completedOne(20);
		expect(await rateService(handle.db, owner, { number: first, answers: { overall: '6', timeliness: '', clarity: '3' }, comment: '' })).toEqual({ status: 'invalid', errors: { overall: 'error_survey_score_required', timeliness: 'error_survey_score_required' } });
		expect(await rateService(handle.db, owner, { number: first, answers: { overall: '2', timeliness: '1', clarity: '3' }, comment: 'Late.' })).toEqual({ status: 'rated' });
		expect(await rateService(handle.db, owner, { number: first, answers: { overall: '5', timeliness: '5', clarity: '5' }, comment: '' })).toEqual({ status: 'already_rated' });
		await expect(rateService(handle.db, people.owner!, { number: first, answers: { overall: '5', timeliness: '5', clarity: '5' }, comment: '' })).rejects.toMatchObject({ code: 'application.not_found' });
		expect(await findOwnRating(handle.db, owner, first)).toEqual({ score: 2 });

		for (const [index, score] of ['4', '5', '4'].entries()) {
			const number = await completedOne(index);
			await rateService(handle.db, owner, { number, answers: { overall: score, timeliness: '5', clarity: '5' }, comment: '' });
		}
		// Four ratings (with any given earlier in this file): still hidden unless there were five before.
		if (before === null) expect(await getServiceRating(handle.db, serviceId)).toBeNull();
		const fifth = await completedOne(2);
		await rateService(handle.db, owner, { number: fifth, answers: { overall: '5', timeliness: '5', clarity: '5' }, comment: '' });
		const figures = await getServiceRating(handle.db, serviceId);
		expect(figures).toMatchObject({ ratings: 5, average: 4 });
		// One of them took 20 days against a 10-day term; the others of this service finished on time.
		const [{ within, total }] = (await handle.db.select({ within: sql<number>`count(*) filter (where ${application.isCompletedWithinTerm})`.mapWith(Number), total: count() }).from(application).where(and(eq(application.serviceId, serviceId), eq(application.status, 'completed')))) as [{ within: number; total: number }];
		expect(figures!.withinTermShare).toBeCloseTo(within / total);
		expect(within).toBeLessThan(total);
		const [late] = await handle.db.select({ isCompletedWithinTerm: application.isCompletedWithinTerm }).from(application).where(eq(application.number, first));
		expect(late!.isCompletedWithinTerm).toBe(false);

		// The office's figures: per service and per executor, for the provider's own staff only.
		// Rated just now (the survey keeps the time it was answered).
		const period = { from: new Date(Date.now() - DAY), to: new Date(Date.now() + DAY) };
		const ratings = await listProviderRatings(handle.db, people.supervisor!, period, 'en');
		expect(ratings.byService).toEqual([expect.objectContaining({ serviceId, ratings: 5, average: 4 })]);
		expect(ratings.byExecutor).toEqual([expect.objectContaining({ executorId: people.colleague!.id, name: 'Test Colleague', ratings: 5 })]);
		expect(await listProviderRatings(handle.db, people.chamberSupervisor!, period, 'en')).toEqual({ byService: [], byExecutor: [] });
		expect((await listProviderRatings(handle.db, people.supervisor!, { from: new Date(Date.now() + DAY), to: new Date(Date.now() + 2 * DAY) }, 'en')).byService).toEqual([]);
	});
});

describe('a notice by hand', () => {
	it('goes to the applicant by their channel in their language and stays in the thread; an empty one is refused', async () => {
		const number = await sent(people.owner!, 1);
		await assignExecutor(handle.db, people.supervisor!, { numbers: [number], executorId: people.executor!.id, now: NOW });
		expect(await notifyApplicant(handle.db, people.executor!, { number, text: '' })).toEqual({ status: 'invalid', error: 'error_required' });
		await expect(notifyApplicant(handle.db, people.colleague!, { number, text: 'Hi' })).rejects.toMatchObject({ code: 'application.not_found' });
		expect(await notifyApplicant(handle.db, people.executor!, { number, text: 'Бланкілердің түпнұсқаларын әкеліңіз.', now: NOW })).toEqual({ status: 'sent' });
		const mail = await handle.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, 'Owner@example.kz'));
		expect(mail.map((message) => message.body)).toContain(`Атамекен Сервистері: № ${number} өтінім бойынша хабарлама: Бланкілердің түпнұсқаларын әкеліңіз.`);
		const [row] = await handle.db.select().from(application).where(eq(application.number, number));
		expect(row!.status).toBe('submitted');
		const thread = await handle.db.select({ event: applicationMessage.event }).from(applicationMessage).where(eq(applicationMessage.applicationId, row!.id));
		expect(thread.map((message) => message.event)).toEqual(['application.assign', 'application.notify']);
	});
});

describe('automatic assignment', () => {
	it('gives a sent application of a service set to it to the executor with the fewest open applications; others wait for the supervisor', async () => {
		const owner = { ...people.owner!, firstName: 'Aru', lastName: 'Owner', organisationName: null, locale: 'en' as const };
		const sendNew = async () => {
			const draft = await createDraft(handle.db, owner, { serviceSlug: 'subsidy' });
			await saveStep(handle.db, owner, { number: draft.number, stepKey: 'question', answers: { question: 'Hello' } });
			const [row] = await handle.db.select().from(application).where(eq(application.number, draft.number));
			expect(await submitApplication(handle.db, owner, { number: draft.number, submissionKey: row!.submissionKey })).toEqual({ status: 'submitted' });
			const [after] = await handle.db.select().from(application).where(eq(application.number, draft.number));
			return after!;
		};
		expect((await sendNew()).assignedExecutorId).toBeNull();

		await expect(setAutomaticAssignment(handle.db, people.executor!, { automaticServiceIds: [] })).rejects.toMatchObject({ code: 'application.transition_not_allowed' });
		const [{ serviceId }] = (await handle.db.select({ serviceId: application.serviceId }).from(application).where(eq(application.number, fresh))) as [{ serviceId: number }];
		// A chamber service's id is ignored: only the supervisor's own provider's services change.
		const chamberService = (await listAssignmentSettings(handle.db, people.chamberSupervisor!, 'en'))[0]!.serviceId;
		await setAutomaticAssignment(handle.db, people.supervisor!, { automaticServiceIds: [serviceId, chamberService] });
		expect((await listAssignmentSettings(handle.db, people.supervisor!, 'en')).find((entry) => entry.serviceId === serviceId)!.isAutomatic).toBe(true);
		expect((await listAssignmentSettings(handle.db, people.chamberSupervisor!, 'en')).every((entry) => !entry.isAutomatic)).toBe(true);

		const open = async (executorId: number) => (await listProviderExecutors(handle.db, people.supervisor!.providerId!)).find((entry) => entry.id === executorId)!.openCount;
		const least = (await listProviderExecutors(handle.db, people.supervisor!.providerId!)).reduce((best, entry) => (entry.openCount < best.openCount || (entry.openCount === best.openCount && entry.id < best.id) ? entry : best));
		const before = await open(least.id);
		const assigned = await sendNew();
		expect(assigned).toMatchObject({ status: 'submitted', assignedExecutorId: least.id });
		expect(await open(least.id)).toBe(before + 1);
		const thread = await handle.db.select({ event: applicationMessage.event, authorUserId: applicationMessage.authorUserId }).from(applicationMessage).where(eq(applicationMessage.applicationId, assigned.id));
		expect(thread.map((message) => message.event)).toEqual(['application.submitted', 'application.assign']);

		await setAutomaticAssignment(handle.db, people.supervisor!, { automaticServiceIds: [] });
		expect((await sendNew()).assignedExecutorId).toBeNull();
	});
});
