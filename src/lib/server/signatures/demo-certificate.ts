import { checkDigit } from '../../identity/iin-bin.ts';
import type { SessionUser } from '../accounts/session.ts';
import { issueTestCertificate, type TestCa, type TestCredentials } from './test-pki.ts';

/**
 * A signing certificate of the demo's test CA for the signed-in person, shaped as the national PKI
 * issues them: a person's IIN, or for a company its BIN with the head's role. A company account
 * knows no person behind it, so the head gets an IIN of the demo's own, the same one each time.
 */
export function issueDemoCertificate(ca: TestCa, user: Pick<SessionUser, 'id' | 'kind' | 'login' | 'firstName' | 'lastName' | 'organisationName'>): Promise<TestCredentials> {
	const names = { surname: user.lastName.toLocaleUpperCase('kk'), givenName: user.firstName.toLocaleUpperCase('kk') };
	if (user.kind === 'individual') return issueTestCertificate(ca, { iin: user.login, ...names, roles: ['individual'], purpose: 'signing', algorithm: 'rsa' });
	return issueTestCertificate(ca, {
		iin: demoHeadIin(user.id),
		bin: user.login,
		organisation: user.organisationName ?? user.login,
		...names,
		roles: ['organisation', 'head'],
		purpose: 'signing',
		algorithm: 'rsa'
	});
}

/**
 * The demo's certificate for a colleague who signs for their provider: their own IIN under the
 * provider's BIN, with the right to sign for it.
 */
export function issueDemoProviderCertificate(ca: TestCa, user: Pick<SessionUser, 'login' | 'firstName' | 'lastName'>, provider: { bin: string; name: string }): Promise<TestCredentials> {
	return issueTestCertificate(ca, {
		iin: user.login,
		bin: provider.bin,
		organisation: provider.name,
		surname: user.lastName.toLocaleUpperCase('kk'),
		givenName: user.firstName.toLocaleUpperCase('kk'),
		roles: ['organisation', 'right_to_sign'],
		purpose: 'signing',
		algorithm: 'rsa'
	});
}

/** A well-formed IIN (born 1 January 1980, a man of the 20th century) with a valid check digit. */
export function demoHeadIin(seed: number): string {
	for (let n = seed % 10_000; ; n = (n + 1) % 10_000) {
		const first11 = `8001013${String(n).padStart(4, '0')}`;
		const check = checkDigit([...first11].map(Number));
		if (check !== null) return `${first11}${check}`;
	}
}
