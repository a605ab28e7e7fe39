import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepDefinition } from '../../applications/form-definition.ts';
import type { Role } from '../accounts/schema.ts';
import { userAccount } from '../accounts/schema.ts';
import { application } from '../applications/schema.ts';
import { createDraft } from '../applications/create-draft.ts';
import { seedFormDefinitions } from '../applications/seed-form-definitions.ts';
import { provider, service } from '../catalog/schema.ts';
import { testCatalog } from '../catalog/test-fixture.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { seedCatalog } from '../db/seed/seed-catalog.ts';
import { openTestDatabase } from '../db/test-database.ts';
import type { Actor } from './actor.ts';
import { allowedTransitions, cabinetScope, canEditDraft, isInCabinetScope, isInOfficeScope, officeScope } from './application-policy.ts';

const text = (en: string) => ({ kk: en, ru: en, en });
const steps: StepDefinition[] = [{ key: 'question', title: text('Question'), fields: [{ key: 'question', type: 'long_text', label: text('Question'), isRequired: false }], documents: [] }];

let handle: DatabaseHandle;
const people: Record<string, Actor> = {};
const numbers: Record<string, string> = {};

async function person(name: string, role: Role, kind: 'individual' | 'legal_entity', login: string, providerSlug?: string): Promise<Actor> {
	const providerId = providerSlug ? (await handle.db.select({ id: provider.id }).from(provider).where(eq(provider.slug, providerSlug)))[0]!.id : null;
	const [row] = await handle.db
		.insert(userAccount)
		.values({ login: `${login}`, kind, role, firstName: name, lastName: 'Test', phone: '+77011234567', passwordHash: 'x', isActive: true, providerId, organisationName: kind === 'legal_entity' ? 'ТОО «Тест»' : null })
		.returning();
	return { id: row!.id, role, kind, login: row!.login, providerId };
}

/** Applications the actor reaches through the SQL filter, and through the check on each row. */
async function reachable(actor: Actor, area: 'cabinet' | 'office'): Promise<{ bySql: string[]; byCheck: string[] }> {
	const rows = await handle.db
		.select({ number: application.number, applicantUserId: application.applicantUserId, organisationBin: application.organisationBin, status: application.status, assignedExecutorId: application.assignedExecutorId, providerId: service.providerId })
		.from(application)
		.innerJoin(service, eq(service.id, application.serviceId));
	const filtered = await handle.db
		.select({ number: application.number })
		.from(application)
		.where(area === 'cabinet' ? cabinetScope(actor) : officeScope(actor));
	const byCheck = rows.filter((row) => (area === 'cabinet' ? isInCabinetScope(actor, row) : isInOfficeScope(actor, row))).map((row) => row.number);
	return { bySql: filtered.map((row) => row.number).sort(), byCheck: byCheck.sort() };
}

beforeAll(async () => {
	handle = await openTestDatabase();
	await seedCatalog(handle.db, testCatalog);
	// The subsidy belongs to the agency, the PPP consultation to the chamber.
	await seedFormDefinitions(handle.db, { subsidy: steps, 'ppp-consultation': steps });
	people.owner = await person('owner', 'applicant', 'individual', '900101300014');
	people.company = await person('company', 'applicant', 'legal_entity', '940140000385');
	// A second person signed in for the same company: their session carries the company's BIN.
	people.colleague = { ...(await person('colleague', 'applicant', 'legal_entity', '871008401427')), login: people.company.login };
	people.stranger = await person('stranger', 'applicant', 'individual', '850505300011');
	people.supervisor = await person('supervisor', 'supervisor', 'individual', '800101300016', 'agency');
	people.otherSupervisor = await person('otherSupervisor', 'supervisor', 'individual', '800101300017', 'chamber');
	people.executor = await person('executor', 'executor', 'individual', '800101300026', 'agency');
	people.otherExecutor = await person('otherExecutor', 'executor', 'individual', '800101300027', 'agency');
	people.providerAdmin = await person('providerAdmin', 'provider-admin', 'individual', '800101300046', 'agency');
	people.consultant = await person('consultant', 'consultant', 'individual', '800101300036', 'agency');
	people.platformAdmin = await person('platformAdmin', 'platform-admin', 'individual', '800101300056');

	const asUser = (actor: Actor) => ({ ...actor, firstName: 'x', lastName: 'y', organisationName: null, locale: 'en' as const });
	numbers.ownerDraft = (await createDraft(handle.db, asUser(people.owner!), { serviceSlug: 'subsidy' })).number;
	numbers.ownerSent = (await createDraft(handle.db, asUser(people.owner!), { serviceSlug: 'subsidy' })).number;
	numbers.companySent = (await createDraft(handle.db, asUser(people.company!), { serviceSlug: 'subsidy' })).number;
	numbers.chamberSent = (await createDraft(handle.db, asUser(people.stranger!), { serviceSlug: 'ppp-consultation' })).number;
	for (const key of ['ownerSent', 'companySent', 'chamberSent']) await handle.db.update(application).set({ status: 'submitted' }).where(eq(application.number, numbers[key]!));
	await handle.db.update(application).set({ status: 'in_progress', assignedExecutorId: people.executor!.id }).where(eq(application.number, numbers.companySent!));
});
afterAll(async () => {
	await handle?.close();
});

describe('who reaches which application', () => {
	const cases: [person: string, area: 'cabinet' | 'office', expected: string[]][] = [
		['owner', 'cabinet', ['ownerDraft', 'ownerSent']],
		['company', 'cabinet', ['companySent']],
		// Everyone representing the BIN sees the company's applications.
		['colleague', 'cabinet', ['companySent']],
		['stranger', 'cabinet', ['chamberSent']],
		// Staff never work through the cabinet.
		['supervisor', 'cabinet', []],
		['platformAdmin', 'cabinet', []],
		// The office: the provider's sent applications; drafts stay the applicant's own.
		['supervisor', 'office', ['companySent', 'ownerSent']],
		['providerAdmin', 'office', ['companySent', 'ownerSent']],
		['otherSupervisor', 'office', ['chamberSent']],
		['executor', 'office', ['companySent']],
		['otherExecutor', 'office', []],
		['consultant', 'office', []],
		['platformAdmin', 'office', []],
		['owner', 'office', []]
	];
	for (const [name, area, expected] of cases) {
		it(`${name} in the ${area}: ${expected.join(', ') || 'nothing'}`, async () => {
			const { bySql, byCheck } = await reachable(people[name]!, area);
			const want = expected.map((key) => numbers[key]!).sort();
			expect(bySql).toEqual(want);
			// The check on a row read elsewhere agrees with the filter.
			expect(byCheck).toEqual(want);
		});
	}
});

describe('what they may do there', () => {
	it('lets applicants edit their drafts only, and each role make only its transitions', async () => {
		const [draft] = await handle.db.select().from(application).where(eq(application.number, numbers.ownerDraft!));
		const [sent] = await handle.db.select().from(application).where(eq(application.number, numbers.ownerSent!));
		expect(canEditDraft(people.owner!, draft!)).toBe(true);
		expect(canEditDraft(people.owner!, sent!)).toBe(false);
		expect(canEditDraft(people.stranger!, draft!)).toBe(false);
		expect(canEditDraft(people.supervisor!, draft!)).toBe(false);
		expect(allowedTransitions(people.owner!, 'submitted')).toEqual(['withdraw']);
		expect(allowedTransitions(people.supervisor!, 'submitted')).toEqual(['assign', 'reject', 'notify', 'unassign']);
		expect(allowedTransitions(people.providerAdmin!, 'submitted')).toEqual(['assign', 'reject', 'notify', 'unassign']);
		expect(allowedTransitions(people.executor!, 'in_progress')).toEqual(['return', 'issue_document', 'request_signature', 'complete', 'reject', 'notify']);
		expect(allowedTransitions(people.consultant!, 'in_progress')).toEqual([]);
		expect(allowedTransitions(people.platformAdmin!, 'submitted')).toEqual([]);
		// Signing for the provider takes its right to sign, whatever the role.
		expect(allowedTransitions(people.supervisor!, 'awaiting_signature')).toEqual(['assign', 'reject', 'notify', 'unassign']);
		expect(allowedTransitions({ ...people.supervisor!, isProviderSigner: true }, 'awaiting_signature')).toEqual(['assign', 'sign', 'reject', 'notify', 'unassign']);
		expect(allowedTransitions({ ...people.executor!, isProviderSigner: true }, 'awaiting_signature')).toEqual(['sign', 'reject', 'notify']);
		expect(allowedTransitions({ ...people.consultant!, isProviderSigner: true }, 'awaiting_signature')).toEqual([]);
		expect(allowedTransitions(people.owner!, 'awaiting_signature')).toEqual(['sign']);
	});
});
