/**
 * Every address of the portal, built in one place: `route.application(number)` instead of a
 * template string, so a renamed route is one edit here and a failing test, not a broken link.
 *
 * The paths are the unlocalized ones (`/applications/…`, the Kazakh form); localizing stays the
 * caller's job: `localizeHref(route.application(number), { locale })`. Nothing here imports server
 * code, so components, domain code and the Node entry in `server/` can all use it.
 */
import type { ApplicationStatus } from './applications/status.ts';
import { LOCALES } from './i18n/localized.ts';

/** Each builder's route under src/routes, groups like `(portal)` left out; a test holds them to the tree. */
export const routePatterns = {
	home: '/',
	service: '/services/[slug]',
	serviceOrder: '/services/[slug]/order',
	category: '/categories/[slug]',
	search: '/search',
	support: '/support',
	signingApp: '/signing-app',
	verify: '/verify',
	consultant: '/consultant',
	consultantEvents: '/consultant/events',
	consultantTyping: '/consultant/typing',
	officeConsultant: '/office/consultant',
	officeConsultantEvents: '/office/consultant/events',
	officeConsultantConversation: '/office/consultant/[id]',
	officeConsultantConversationEvents: '/office/consultant/[id]/events',
	officeConsultantTyping: '/office/consultant/[id]/typing',
	verifyDocument: '/verify/[id]',
	login: '/login',
	loginCode: '/login/code',
	logout: '/logout',
	register: '/register',
	registerConfirm: '/register/confirm',
	passwordRecovery: '/password-recovery',
	passwordRecoveryCode: '/password-recovery/code',
	passwordRecoveryReset: '/password-recovery/reset',
	profileEmail: '/profile-email',
	profile: '/profile',
	profilePhoneCode: '/profile/phone-code',
	settings: '/settings',
	settingsCode: '/settings/code',
	applications: '/applications',
	application: '/applications/[number]',
	applicationStep: '/applications/[number]/steps/[step]',
	applicationDocument: '/applications/[number]/documents/[id]',
	applicationResult: '/applications/[number]/results/[id]',
	applicationResultSign: '/applications/[number]/results/[id]/sign',
	applicationResultSignature: '/applications/[number]/results/[id]/signatures/[party]',
	applicationResultTestCertificate: '/applications/[number]/results/[id]/test-certificate',
	applicationDelete: '/applications/[number]/delete',
	applicationWithdraw: '/applications/[number]/withdraw',
	applicationMessages: '/applications/[number]/messages',
	applicationEvents: '/applications/[number]/events',
	applicationAttachment: '/applications/[number]/attachments/[id]',
	sessionKeepAlive: '/session/keep-alive',
	devOutbox: '/dev/outbox',
	office: '/office',
	officeApplication: '/office/applications/[number]',
	officeApplicationDocument: '/office/applications/[number]/documents/[id]',
	officeApplicationResult: '/office/applications/[number]/results/[id]',
	officeApplicationResultSign: '/office/applications/[number]/results/[id]/sign',
	officeApplicationResultSignature: '/office/applications/[number]/results/[id]/signatures/[party]',
	officeApplicationResultTestCertificate: '/office/applications/[number]/results/[id]/test-certificate',
	officeRatings: '/office/ratings',
	officeServices: '/office/services',
	officeServiceSurvey: '/office/services/[id]/survey',
	officeApplicationEvents: '/office/applications/[number]/events',
	officeApplicationAttachment: '/office/applications/[number]/attachments/[id]',
	officeApplicationMessages: '/office/applications/[number]/messages',
	officeStaff: '/office/staff',
	officeStaffMember: '/office/staff/[id]',
	officeStaffDeactivate: '/office/staff/[id]/deactivate',
	staffInvitation: '/staff-invitation',
	staffInvitationAuthenticator: '/staff-invitation/authenticator'
} as const;

export type RouteName = keyof typeof routePatterns;

/** The office queue's address fields, as `readQueueFilter` reads them back; `assigned` confirms an assignment just made. */
export interface OfficeQueueQuery {
	status?: ApplicationStatus | 'open' | 'all';
	serviceId?: number | null;
	executor?: number | 'none' | null;
	isOverdue?: boolean;
	query?: string;
	page?: number;
	assigned?: number;
	action?: 'assign';
}

type ParamsOf<Pattern extends string> = Pattern extends `${string}[${infer Name}]${infer Rest}` ? Name | ParamsOf<Rest> : never;
type PathValue = string | number;
/** `true` writes a bare flag (`?saved`); `undefined`, `null`, `false` and `''` leave the key out. */
type QueryValue = string | number | boolean | null | undefined;

/** The pattern with each `[param]` replaced by its value, percent-encoded as one path segment. */
function fill<Pattern extends string>(pattern: Pattern, params: Record<ParamsOf<Pattern>, PathValue>): string {
	return pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(String(params[name as ParamsOf<Pattern>])));
}

/**
 * A path with its query and fragment. The query keeps the order the builder lists its keys in,
 * whatever order a caller wrote them, so the same page always has the same address (and cache key).
 */
function withQuery(path: string, query: readonly (readonly [string, QueryValue])[], hash?: string | null): string {
	const search = new URLSearchParams();
	for (const [key, value] of query) {
		if (value === undefined || value === null || value === false || value === '') continue;
		search.append(key, value === true ? '' : String(value));
	}
	// Only flags have an empty value: they are written bare, as the pages read them (`searchParams.has`).
	const text = search.toString().replace(/=(?=&|$)/g, '');
	return `${path}${text ? `?${text}` : ''}${hash ? `#${encodeURIComponent(hash)}` : ''}`;
}

/** Page 1 is every list's default: it is not written, so it has one address. */
const listPage = (page: number | undefined) => (page !== undefined && page > 1 ? page : undefined);

/**
 * Matches a pathname (no query) of the route in any locale (`/…`, `/kk/…`, `/ru/…`, `/en/…`), with
 * or without a trailing slash.
 */
function matcher(pattern: string): (pathname: string) => boolean {
	const body = pattern
		.split('/')
		.filter(Boolean)
		.map((segment) => (/^\[[^\]]+\]$/.test(segment) ? '[^/?#]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('/');
	const locale = `(?:${LOCALES.join('|')})`;
	const expression = new RegExp(body ? `^/(?:${locale}/)?${body}/?$` : `^/(?:${locale}/?)?$`);
	return (pathname) => expression.test(pathname);
}

const isApplicationStepPath = matcher(routePatterns.applicationStep);
const isOfficeApplicationPath = matcher(routePatterns.officeApplication);
const isApplicationPath = matcher(routePatterns.application);
const isSearchPath = matcher(routePatterns.search);
const isConsultantPath = matcher(routePatterns.consultant);

export const route = {
	home: () => routePatterns.home,
	service: (slug: string) => fill(routePatterns.service, { slug }),
	serviceOrder: (slug: string) => fill(routePatterns.serviceOrder, { slug }),
	category: (slug: string) => fill(routePatterns.category, { slug }),
	search: ({ q, page }: { q?: string; page?: number } = {}) =>
		withQuery(routePatterns.search, [
			['q', q],
			['page', listPage(page)]
		]),
	support: () => routePatterns.support,
	signingApp: () => routePatterns.signingApp,
	verify: () => routePatterns.verify,
	/** The virtual consultant; `mode` preselects a call, `hash` is an element id on the page. */
	consultant: ({ mode, hash }: { mode?: 'audio' | 'video'; hash?: string } = {}) => withQuery(routePatterns.consultant, [['mode', mode]], hash),
	/** `after` is the newest message the page already shows. */
	consultantEvents: ({ after }: { after?: number } = {}) => withQuery(routePatterns.consultantEvents, [['after', after]]),
	consultantTyping: () => routePatterns.consultantTyping,
	officeConsultant: () => routePatterns.officeConsultant,
	officeConsultantEvents: () => routePatterns.officeConsultantEvents,
	officeConsultantConversation: (id: string, { hash }: { hash?: string } = {}) => withQuery(fill(routePatterns.officeConsultantConversation, { id }), [], hash),
	officeConsultantConversationEvents: (id: string, { after }: { after?: number } = {}) => withQuery(fill(routePatterns.officeConsultantConversationEvents, { id }), [['after', after]]),
	officeConsultantTyping: (id: string) => fill(routePatterns.officeConsultantTyping, { id }),
	verifyDocument: (id: PathValue) => fill(routePatterns.verifyDocument, { id }),
	/** `next` is where to go after signing in: a path already checked (and localized) by the caller. */
	login: ({ next }: { next?: string | null } = {}) => withQuery(routePatterns.login, [['next', next]]),
	loginCode: () => routePatterns.loginCode,
	logout: () => routePatterns.logout,
	register: ({ kind }: { kind?: 'individual' | 'legal_entity' } = {}) => withQuery(routePatterns.register, [['kind', kind === 'legal_entity' ? kind : undefined]]),
	registerConfirm: () => routePatterns.registerConfirm,
	passwordRecovery: () => routePatterns.passwordRecovery,
	passwordRecoveryCode: () => routePatterns.passwordRecoveryCode,
	/** `token` is the one-time token of an emailed reset link. */
	passwordRecoveryReset: ({ token }: { token?: string } = {}) => withQuery(routePatterns.passwordRecoveryReset, [['token', token]]),
	/** `token` is the one-time token of an emailed confirmation link. */
	profileEmail: ({ token }: { token?: string } = {}) => withQuery(routePatterns.profileEmail, [['token', token]]),
	profile: ({ saved }: { saved?: boolean } = {}) => withQuery(routePatterns.profile, [['saved', saved]]),
	profilePhoneCode: () => routePatterns.profilePhoneCode,
	settings: ({ changed }: { changed?: boolean } = {}) => withQuery(routePatterns.settings, [['changed', changed]]),
	settingsCode: () => routePatterns.settingsCode,
	/** `deleted` is the number of a draft just deleted, confirmed at the top of the list. */
	applications: ({ status, page, deleted }: { status?: ApplicationStatus | null; page?: number; deleted?: string } = {}) =>
		withQuery(routePatterns.applications, [
			['status', status],
			['page', listPage(page)],
			['deleted', deleted]
		]),
	/** `sent` opens the "sent" confirmation (written `sent=1`), `signed` the "signed successfully" one. */
	application: (number: string, { sent, signed, hash }: { sent?: boolean; signed?: boolean; hash?: string } = {}) =>
		withQuery(fill(routePatterns.application, { number }), [['sent', sent ? 1 : undefined], ['signed', signed ? 1 : undefined]], hash),
	/**
	 * `saved` opens the saved/incomplete dialog, `check` shows the step's problems, `incomplete`
	 * lists the steps a refused Send found unfinished; `hash` is an element id on the page.
	 */
	applicationStep: (number: string, step: string, { saved, check, incomplete, hash }: { saved?: boolean; check?: boolean; incomplete?: readonly string[]; hash?: string } = {}) =>
		withQuery(
			fill(routePatterns.applicationStep, { number, step }),
			[
				['saved', saved],
				['check', check],
				['incomplete', incomplete?.join(',')]
			],
			hash
		),
	applicationDocument: (number: string, id: PathValue) => fill(routePatterns.applicationDocument, { number, id }),
	applicationResult: (number: string, id: PathValue) => fill(routePatterns.applicationResult, { number, id }),
	applicationResultSign: (number: string, id: PathValue) => fill(routePatterns.applicationResultSign, { number, id }),
	applicationResultSignature: (number: string, id: PathValue, party: string) => fill(routePatterns.applicationResultSignature, { number, id, party }),
	applicationResultTestCertificate: (number: string, id: PathValue) => fill(routePatterns.applicationResultTestCertificate, { number, id }),
	/** A file sent in the application's thread. */
	applicationAttachment: (number: string, id: PathValue) => fill(routePatterns.applicationAttachment, { number, id }),
	applicationDelete: (number: string) => fill(routePatterns.applicationDelete, { number }),
	applicationWithdraw: (number: string) => fill(routePatterns.applicationWithdraw, { number }),
	applicationMessages: (number: string) => fill(routePatterns.applicationMessages, { number }),
	/** The thread's live events; `after` is the newest message the page already shows. */
	applicationEvents: (number: string, { after }: { after?: number } = {}) => withQuery(fill(routePatterns.applicationEvents, { number }), [['after', after]]),
	sessionKeepAlive: () => routePatterns.sessionKeepAlive,
	devOutbox: () => routePatterns.devOutbox,
	/** The office queue with its filter; `status` defaults to the open applications. */
	office: (filter: OfficeQueueQuery = {}) =>
		withQuery(routePatterns.office, [
			['status', filter.status === 'open' ? undefined : filter.status],
			['service', filter.serviceId ?? undefined],
			['executor', filter.executor ?? undefined],
			['overdue', filter.isOverdue ? 1 : undefined],
			['q', filter.query],
			['page', listPage(filter.page)],
			['assigned', filter.assigned],
			// A form action of the page (SvelteKit's `?/name`), posted with the list's filter kept.
			[`/${filter.action ?? ''}`, filter.action ? true : undefined]
		]),
	officeApplication: (number: string, { signed }: { signed?: boolean } = {}) => withQuery(fill(routePatterns.officeApplication, { number }), [['signed', signed ? 1 : undefined]]),
	officeApplicationEvents: (number: string, { after }: { after?: number } = {}) => withQuery(fill(routePatterns.officeApplicationEvents, { number }), [['after', after]]),
	officeApplicationDocument: (number: string, id: PathValue) => fill(routePatterns.officeApplicationDocument, { number, id }),
	officeApplicationResult: (number: string, id: PathValue) => fill(routePatterns.officeApplicationResult, { number, id }),
	officeApplicationResultSign: (number: string, id: PathValue) => fill(routePatterns.officeApplicationResultSign, { number, id }),
	officeApplicationResultSignature: (number: string, id: PathValue, party: string) => fill(routePatterns.officeApplicationResultSignature, { number, id, party }),
	officeApplicationResultTestCertificate: (number: string, id: PathValue) => fill(routePatterns.officeApplicationResultTestCertificate, { number, id }),
	officeApplicationAttachment: (number: string, id: PathValue) => fill(routePatterns.officeApplicationAttachment, { number, id }),
	/** Where the open office page says which live messages it has shown (POST). */
	officeApplicationMessages: (number: string) => fill(routePatterns.officeApplicationMessages, { number }),
	/** `saved` confirms the settings were saved. */
	officeServices: ({ saved }: { saved?: boolean } = {}) => withQuery(routePatterns.officeServices, [['saved', saved]]),
	/** `invited` confirms an invitation just sent. */
	officeStaff: ({ invited }: { invited?: boolean } = {}) => withQuery(routePatterns.officeStaff, [['invited', invited]]),
	/** `saved` confirms a change just made. */
	officeStaffMember: (id: PathValue, { saved }: { saved?: 'role' | 'signer' | 'services' | 'deactivated' | 'reactivated' | 'invitation' } = {}) =>
		withQuery(fill(routePatterns.officeStaffMember, { id }), [['saved', saved]]),
	officeStaffDeactivate: (id: PathValue) => fill(routePatterns.officeStaffDeactivate, { id }),
	/** `token` is the one-time token of an emailed invitation. */
	staffInvitation: ({ token }: { token?: string } = {}) => withQuery(routePatterns.staffInvitation, [['token', token]]),
	staffInvitationAuthenticator: () => routePatterns.staffInvitationAuthenticator,
	/** A service's own survey questions; `saved` confirms they were saved. */
	officeServiceSurvey: (id: PathValue, { saved }: { saved?: boolean } = {}) => withQuery(fill(routePatterns.officeServiceSurvey, { id }), [['saved', saved]]),
	/** The survey's results over a period of Almaty calendar days (`YYYY-MM-DD`, both included). */
	officeRatings: ({ from, to }: { from?: string; to?: string } = {}) =>
		withQuery(routePatterns.officeRatings, [
			['from', from],
			['to', to]
		]),

	/** True for an application step's address in any locale: where applicants upload documents. */
	isApplicationStepPath,
	/** True for the addresses that take large uploads: application steps, and both sides' application pages (chat attachments, result documents). */
	isUploadPath: (pathname: string) => isApplicationStepPath(pathname) || isApplicationPath(pathname) || isOfficeApplicationPath(pathname),
	/** True for the search page's address in any locale. */
	isSearchPath,
	/** True for the virtual consultant's page, which needs no button leading to itself. */
	isConsultantPath
} as const;
