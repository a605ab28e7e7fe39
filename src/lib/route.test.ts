import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { route, routePatterns, type RouteName } from './route.ts';

const ROUTES_DIR = join(import.meta.dirname, '..', 'routes');
const ROUTE_FILE = /^\+(page(\.server)?\.(ts|js|svelte)|server\.(ts|js))$/;

/** The route ids of src/routes as SvelteKit sees them: every directory with a page or endpoint, groups left out. */
function routeTree(): string[] {
	const ids = new Set<string>();
	for (const entry of readdirSync(ROUTES_DIR, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !ROUTE_FILE.test(entry.name)) continue;
		const segments = relative(ROUTES_DIR, entry.parentPath).split(sep).filter((segment) => segment && !/^\(.+\)$/.test(segment));
		ids.add(`/${segments.join('/')}`);
	}
	return [...ids].sort();
}

/** A route id as a pathname matcher: `[param]` is one segment, `[[optional]]` maybe one, `[...rest]` any. */
function idPattern(id: string): RegExp {
	const body = id
		.split('/')
		.filter(Boolean)
		.map((segment) => {
			if (/^\[\[[^\]]+\]\]$/.test(segment)) return '(?:/[^/]+)?';
			if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return '(?:/.*)?';
			if (/^\[[^\]]+\]$/.test(segment)) return '/[^/]+';
			return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
		})
		.join('');
	return new RegExp(`^${body || '/'}$`);
}

const pathnameOf = (href: string) => href.split(/[?#]/)[0]!;

/** One call of every builder, with awkward values, to hold what it builds against the tree. */
const samples: Record<RouteName, () => string> = {
	home: () => route.home(),
	consultant: () => route.consultant({ mode: 'video', hash: 'conversation' }),
	consultantEvents: () => route.consultantEvents({ after: 5 }),
	consultantTyping: () => route.consultantTyping(),
	officeConsultant: () => route.officeConsultant(),
	officeConsultantEvents: () => route.officeConsultantEvents(),
	officeConsultantConversation: () => route.officeConsultantConversation('0b0e7c1a-5f6e-4a43-9a36-1f0d3c2b4a59'),
	officeConsultantConversationEvents: () => route.officeConsultantConversationEvents('0b0e7c1a-5f6e-4a43-9a36-1f0d3c2b4a59', { after: 3 }),
	officeConsultantTyping: () => route.officeConsultantTyping('0b0e7c1a-5f6e-4a43-9a36-1f0d3c2b4a59'),
	service: () => route.service('a/b?c'),
	serviceOrder: () => route.serviceOrder('қаржы'),
	category: () => route.category('50%'),
	search: () => route.search({ q: 'қаржы', page: 3 }),
	support: () => route.support(),
	signingApp: () => route.signingApp(),
	verify: () => route.verify(),
	verifyDocument: () => route.verifyDocument('x'),
	login: () => route.login({ next: '/ru/settings' }),
	loginCode: () => route.loginCode(),
	logout: () => route.logout(),
	register: () => route.register({ kind: 'legal_entity' }),
	registerConfirm: () => route.registerConfirm(),
	passwordRecovery: () => route.passwordRecovery(),
	passwordRecoveryCode: () => route.passwordRecoveryCode(),
	passwordRecoveryReset: () => route.passwordRecoveryReset({ token: 'a+b/c=' }),
	profileEmail: () => route.profileEmail({ token: 'abc' }),
	profile: () => route.profile({ saved: true }),
	profilePhoneCode: () => route.profilePhoneCode(),
	settings: () => route.settings({ changed: true }),
	settingsCode: () => route.settingsCode(),
	applications: () => route.applications({ status: 'draft', page: 2, deleted: '1-25-01-01' }),
	application: () => route.application('1/2', { sent: true, hash: 'messages' }),
	applicationStep: () => route.applicationStep('1-25-01-01', 'a/b', { saved: true, hash: 'f-x' }),
	applicationDocument: () => route.applicationDocument('1-25-01-01', 'd/1'),
	applicationResult: () => route.applicationResult('1-25-01-01', 7),
	applicationResultSign: () => route.applicationResultSign('1-25-01-01', 7),
	applicationResultSignature: () => route.applicationResultSignature('1-25-01-01', 7, 'applicant'),
	applicationResultTestCertificate: () => route.applicationResultTestCertificate('1-25-01-01', 7),
	applicationDelete: () => route.applicationDelete('?'),
	applicationWithdraw: () => route.applicationWithdraw('%'),
	applicationMessages: () => route.applicationMessages('1-25-01-01'),
	sessionKeepAlive: () => route.sessionKeepAlive(),
	devOutbox: () => route.devOutbox(),
	office: () => route.office({ status: 'returned', serviceId: 3, executor: 'none', isOverdue: true, query: 'Әлия 1-25', page: 2, assigned: 4 }),
	officeApplication: () => route.officeApplication('1-25-01-01'),
	officeApplicationDocument: () => route.officeApplicationDocument('1-25-01-01', 'a/b'),
	officeApplicationResult: () => route.officeApplicationResult('1-25-01-01', 'c'),
	officeApplicationResultSign: () => route.officeApplicationResultSign('1-25-01-01', 'c'),
	officeApplicationResultSignature: () => route.officeApplicationResultSignature('1-25-01-01', 'c', 'applicant'),
	officeApplicationResultTestCertificate: () => route.officeApplicationResultTestCertificate('1-25-01-01', 'c'),
	officeRatings: () => route.officeRatings({ from: '2026-11-01', to: '2026-11-30' }),
	officeServices: () => route.officeServices({ saved: true }),
	officeServiceSurvey: () => route.officeServiceSurvey(3, { saved: true }),
	applicationEvents: () => route.applicationEvents('1-25-01-01', { after: 7 }),
	officeApplicationEvents: () => route.officeApplicationEvents('1-25-01-01', { after: 7 }),
	officeStaff: () => route.officeStaff({ invited: true }),
	officeStaffMember: () => route.officeStaffMember(12, { saved: 'role' }),
	officeStaffDeactivate: () => route.officeStaffDeactivate(12),
	staffInvitation: () => route.staffInvitation({ token: 'abc_DEF-123' }),
	staffInvitationAuthenticator: () => route.staffInvitationAuthenticator(),
	applicationAttachment: () => route.applicationAttachment('1-25-01-01', 'd'),
	officeApplicationAttachment: () => route.officeApplicationAttachment('1-25-01-01', 'e'),
	officeApplicationMessages: () => route.officeApplicationMessages('1-25-01-01')
};

describe('route builders against src/routes', () => {
	const tree = routeTree();

	it('finds the route tree', () => {
		expect(tree).toContain('/');
		expect(tree).toContain('/applications/[number]/steps/[step]');
	});

	it('names an existing route for every builder', () => {
		const missing = Object.entries(routePatterns).filter(([, pattern]) => !tree.includes(pattern));
		expect(missing).toEqual([]);
	});

	it('has a builder for every route, so no address is written by hand', () => {
		const patterns = new Set<string>(Object.values(routePatterns));
		expect(tree.filter((id) => !patterns.has(id))).toEqual([]);
	});

	it('builds, for every builder, a path its own route directory serves', () => {
		expect(Object.keys(samples).sort()).toEqual(Object.keys(routePatterns).sort());
		for (const [name, build] of Object.entries(samples) as [RouteName, () => string][]) {
			const pathname = pathnameOf(build());
			expect(pathname, name).toMatch(idPattern(routePatterns[name]));
			const served = tree.filter((id) => idPattern(id).test(pathname));
			expect(served, `${name}: ${pathname}`).toContain(routePatterns[name]);
		}
	});
});

describe('path parameters', () => {
	it('percent-encodes slashes, question marks and percent signs as one segment', () => {
		expect(route.service('a/b')).toBe('/services/a%2Fb');
		expect(route.serviceOrder('a?b')).toBe('/services/a%3Fb/order');
		expect(route.category('100%')).toBe('/categories/100%25');
		expect(route.application('1/2?3%')).toBe('/applications/1%2F2%3F3%25');
		expect(route.applicationStep('1', 'a/b')).toBe('/applications/1/steps/a%2Fb');
		expect(route.applicationDocument('1', 'x#y')).toBe('/applications/1/documents/x%23y');
		expect(route.applicationResult('1', 42)).toBe('/applications/1/results/42');
	});

	it('encodes Cyrillic as UTF-8', () => {
		expect(route.service('қаржы')).toBe(`/services/${encodeURIComponent('қаржы')}`);
		expect(route.service('қаржы')).toBe('/services/%D2%9B%D0%B0%D1%80%D0%B6%D1%8B');
		expect(decodeURIComponent(pathnameOf(route.category('Алматы')).split('/')[2]!)).toBe('Алматы');
	});

	it('keeps ordinary application numbers as they are', () => {
		expect(route.application('1-25-01-01')).toBe('/applications/1-25-01-01');
		expect(route.applicationDelete('1-25-01-01')).toBe('/applications/1-25-01-01/delete');
		expect(route.applicationWithdraw('1-25-01-01')).toBe('/applications/1-25-01-01/withdraw');
		expect(route.applicationMessages('1-25-01-01')).toBe('/applications/1-25-01-01/messages');
	});
});

describe('the office queue address', () => {
	it('reads back as the filter it was built from, defaults left out', async () => {
		const { readQueueFilter } = await import('./server/office/queue-filter.ts');
		expect(route.office()).toBe('/office');
		expect(route.office({ status: 'all', action: 'assign' })).toBe('/office?status=all&%2Fassign');
		expect(route.office({ status: 'open', page: 1, isOverdue: false, executor: null })).toBe('/office');
		const filter = { status: 'in_progress', serviceId: 12, executor: 7, isOverdue: true, query: 'Нұрпейісова', page: 3 } as const;
		expect(readQueueFilter(new URL(route.office(filter), 'http://x').searchParams)).toEqual(filter);
		expect(readQueueFilter(new URL(route.office({ executor: 'none', status: 'all' }), 'http://x').searchParams)).toMatchObject({ executor: 'none', status: 'all' });
	});
});

describe('query strings and fragments', () => {
	it('leaves out what is not given, and page 1', () => {
		expect(route.search()).toBe('/search');
		expect(route.search({ q: '' })).toBe('/search');
		expect(route.search({ q: 'PPP', page: 1 })).toBe('/search?q=PPP');
		expect(route.applications()).toBe('/applications');
		expect(route.applications({ status: null })).toBe('/applications');
		expect(route.login({ next: null })).toBe('/login');
		expect(route.register({ kind: 'individual' })).toBe('/register');
		expect(route.application('1', { sent: false })).toBe('/applications/1');
	});

	it('encodes values as a form does', () => {
		expect(route.search({ q: 'қаржы көмек', page: 2 })).toBe(`/search?q=${encodeURIComponent('қаржы')}+${encodeURIComponent('көмек')}&page=2`);
		expect(route.search({ q: 'a&b=c#d' })).toBe('/search?q=a%26b%3Dc%23d');
		expect(route.login({ next: '/ru/settings' })).toBe('/login?next=%2Fru%2Fsettings');
		expect(route.login({ next: '/en/search?q=x&page=2' })).toBe('/login?next=%2Fen%2Fsearch%3Fq%3Dx%26page%3D2');
		expect(route.passwordRecoveryReset({ token: 'a+b/c=' })).toBe('/password-recovery/reset?token=a%2Bb%2Fc%3D');
		expect(route.profileEmail({ token: 'abc_-' })).toBe('/profile-email?token=abc_-');
		expect(route.register({ kind: 'legal_entity' })).toBe('/register?kind=legal_entity');
	});

	it('writes flags bare, as the pages read them', () => {
		expect(route.profile({ saved: true })).toBe('/profile?saved');
		expect(route.settings({ changed: true })).toBe('/settings?changed');
		expect(route.applicationStep('1', 'a', { saved: true })).toBe('/applications/1/steps/a?saved');
		expect(route.applicationStep('1', 'a', { check: true, incomplete: ['a', 'b'], hash: 'send-problems' })).toBe('/applications/1/steps/a?check&incomplete=a%2Cb#send-problems');
		expect(route.application('1', { sent: true })).toBe('/applications/1?sent=1');
	});

	it('keeps one order of keys whatever order they are given in', () => {
		expect(route.applications({ deleted: '1-25-01-01', page: 2, status: 'draft' })).toBe('/applications?status=draft&page=2&deleted=1-25-01-01');
		expect(route.applicationStep('1', 'a', { incomplete: ['b'], check: true, saved: true })).toBe('/applications/1/steps/a?saved&check&incomplete=b');
		expect(route.search({ page: 2, q: 'x' })).toBe('/search?q=x&page=2');
	});

	it('encodes fragments', () => {
		expect(route.application('1', { hash: 'messages' })).toBe('/applications/1#messages');
		expect(route.applicationStep('1', 'a', { hash: 'f-document-passport-group' })).toBe('/applications/1/steps/a#f-document-passport-group');
		expect(route.applicationStep('1', 'a', { hash: 'a b#c' })).toBe('/applications/1/steps/a#a%20b%23c');
		expect(route.applicationStep('1', 'a', { hash: '' })).toBe('/applications/1/steps/a');
	});
});

describe('path matchers', () => {
	it('recognises an application step in every locale', () => {
		for (const pathname of ['/applications/1-25-01-01/steps/contacts', '/ru/applications/1/steps/a', '/en/applications/1/steps/a/', '/kk/applications/1/steps/a', pathnameOf(route.applicationStep('1/2', 'a?b'))]) {
			expect(route.isApplicationStepPath(pathname), pathname).toBe(true);
		}
	});

	it('recognises nothing else as an application step', () => {
		for (const pathname of ['/', '/applications/1', '/applications/1/steps', '/applications/1/steps/', '/applications/1/steps/a/b', '/applications//steps/a', '/de/applications/1/steps/a', '/x/applications/1/steps/a', '/ruapplications/1/steps/a', '/applications/1/steps/a?saved']) {
			expect(route.isApplicationStepPath(pathname), pathname).toBe(false);
		}
	});

	it('takes large bodies at the application steps and both sides’ application pages only', () => {
		for (const pathname of ['/applications/1/steps/a', '/en/office/applications/1-25-01-01', pathnameOf(route.officeApplication('1')), '/applications/1', '/ru/applications/1-25-01-01'])
			expect(route.isUploadPath(pathname), pathname).toBe(true);
		for (const pathname of ['/office', '/en/office/applications', '/office/applications/1/documents/x', '/applications/1/attachments/x', '/applications', '/login']) expect(route.isUploadPath(pathname), pathname).toBe(false);
	});

	it('recognises the search page, not a service that happens to be called search', () => {
		expect(route.isSearchPath('/search')).toBe(true);
		expect(route.isSearchPath('/ru/search')).toBe(true);
		expect(route.isSearchPath('/en/search/')).toBe(true);
		expect(route.isSearchPath(route.service('search'))).toBe(false);
		expect(route.isSearchPath('/ru/services/search')).toBe(false);
	});
});

describe('the builder module', () => {
	it('imports no server code, so components may use it', () => {
		const source = readFileSync(join(import.meta.dirname, 'route.ts'), 'utf8');
		const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
		expect(imports.filter((specifier) => /server|@sveltejs|\$app|node:/.test(specifier!))).toEqual([]);
	});
});
