import { ROLES_THAT_SIGN_FOR_ENTITY } from '../../signing/cms/oids.ts';
import { refuse } from './refusal.ts';

/**
 * A person by IIN, or an organisation by BIN (with a role that signs for it), optionally also the
 * person who must be the one signing for it.
 */
export type ExpectedSigner = { iin: string } | { bin: string; iin?: string };

/** The certificate's IIN, BIN and roles against whose signature it must be. */
export function checkIdentity(identity: { iin: string | null; bin: string | null; roles: readonly string[] }, expected: ExpectedSigner | null): void {
	if (!identity.iin) refuse('wrong_owner', 'the certificate names no IIN');
	if (expected === null) return;
	if (!('bin' in expected)) {
		if (identity.iin !== expected.iin) refuse('wrong_owner', 'signed by another person');
		return;
	}
	if (identity.bin !== expected.bin) refuse('wrong_owner', 'signed for another organisation');
	if (expected.iin !== undefined && identity.iin !== expected.iin) refuse('wrong_owner', 'signed by another employee');
	if (!identity.roles.some((role) => (ROLES_THAT_SIGN_FOR_ENTITY as readonly string[]).includes(role))) {
		refuse('wrong_role', 'the employee may not sign for the organisation');
	}
}

