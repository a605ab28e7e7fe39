import { eq } from 'drizzle-orm';
import { checkIin, maskIdentifier, normalizeIdentifier } from '../../identity/iin-bin.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { provider } from '../catalog/schema.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { checkPassword, hashPassword } from './password.ts';
import { ROLES, userAccount, type Role } from './schema.ts';
import { newTotpSecret } from './totp.ts';

export interface StaffInput {
	login: string;
	fullName: string;
	providerSlug: string | null;
	role: Exclude<Role, 'applicant'>;
	password: string;
	/** Signs result documents for the provider with an EDS under its BIN. */
	isProviderSigner?: boolean;
}

/**
 * Creates a staff member of a provider organisation (or a platform admin, who belongs to none),
 * active at once, with a new TOTP secret for their authenticator app. Returns that secret: it is
 * shown once, to be entered into the app.
 */
export async function createStaffUser(db: Database, input: StaffInput): Promise<{ userId: number; totpSecret: string }> {
	const login = normalizeIdentifier(input.login);
	if (!checkIin(login).isValid) throw new AppError('staff.invalid_iin');
	if (!ROLES.includes(input.role) || input.role === ('applicant' as Role)) throw new AppError('staff.invalid_role');
	const [lastName = '', firstName = '', ...rest] = input.fullName.trim().split(/\s+/);
	if (!lastName || !firstName) throw new AppError('staff.invalid_name');
	const problem = checkPassword(input.password, { login, names: [lastName, firstName, ...rest] });
	if (problem) throw new AppError(`staff.password_${problem}`);
	if (input.role !== 'platform-admin' && !input.providerSlug) throw new AppError('staff.provider_required');

	const passwordHash = await hashPassword(input.password);
	const totpSecret = newTotpSecret();
	return db.transaction(async (tx) => {
		let providerId: number | null = null;
		if (input.providerSlug) {
			const [row] = await tx.select({ id: provider.id }).from(provider).where(eq(provider.slug, input.providerSlug));
			if (!row) throw new AppError('staff.unknown_provider');
			providerId = row.id;
		}
		const [existing] = await tx.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.login, login));
		if (existing) throw new AppError('staff.login_taken');
		const [row] = await tx
			.insert(userAccount)
			.values({ kind: 'individual', role: input.role, login, lastName, firstName, patronymic: rest.join(' ') || null, passwordHash, totpSecret, providerId, isProviderSigner: input.isProviderSigner ?? false, isActive: true, activatedAt: new Date() })
			.returning({ id: userAccount.id });
		await recordAuditEvent(tx, { action: 'staff.created', actorUserId: null, subject: maskIdentifier(login), details: { role: input.role, provider: input.providerSlug } });
		return { userId: row!.id, totpSecret };
	});
}
