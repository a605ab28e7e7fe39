/**
 * npm run staff:create -- --login <IIN> --name "<Last First [Patronymic]>" --provider <slug> --role <role> --password <password>
 * Creates a staff account and prints its TOTP secret for an authenticator app. With the embedded
 * database, stop the portal first (PGlite allows one process at a time).
 */
import { parseArgs } from 'node:util';
import { createStaffUser } from '../src/lib/server/accounts/create-staff-user.ts';
import { ROLES } from '../src/lib/server/accounts/schema.ts';
import { ConfigError, parseConfig } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { AppError, type ErrorCode } from '../src/lib/server/errors.ts';
import { loadDemoCatalog } from '../src/lib/server/db/seed/load-demo-data.ts';
import { seedCatalog } from '../src/lib/server/db/seed/seed-catalog.ts';

// In the operator's words, naming the option to fix where there is one.
const REASONS: Partial<Record<ErrorCode, string>> = {
	'staff.invalid_iin': 'the login must be a valid IIN (12 digits with a correct check digit)',
	'staff.invalid_role': 'unknown role',
	'staff.invalid_name': 'give at least the last and first name',
	'staff.provider_required': 'every role but platform-admin belongs to a provider: add --provider',
	'staff.unknown_provider': 'no provider with that slug',
	'staff.login_taken': 'an account with this IIN already exists',
	'staff.password_too_short': 'the password needs at least 8 characters',
	'staff.password_too_long': 'the password is too long (256 characters at most)',
	'staff.password_too_common': 'the password is too common',
	'staff.password_contains_identifier': 'the password must not contain the IIN',
	'staff.password_contains_name': 'the password must not contain the name',
	'staff.password_contains_portal_word': 'the password must not contain the portal name'
};

const usage = `Usage: npm run staff:create -- --login <IIN> --name "<full name>" --provider <provider slug> --role <${ROLES.filter((r) => r !== 'applicant').join('|')}> --password <password>`;

let args;
try {
	args = parseArgs({ options: { login: { type: 'string' }, name: { type: 'string' }, provider: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } } }).values;
} catch (error) {
	console.error(`${(error as Error).message}\n${usage}`);
	process.exit(2);
}
if (!args.login || !args.name || !args.role || !args.password) {
	console.error(usage);
	process.exit(2);
}

try {
	const config = parseConfig(process.env);
	const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: `${config.DATA_DIR}/pglite` });
	try {
		// Outside production the providers come with the demo catalog, as when the portal starts.
		if (config.APP_MODE !== 'production') await seedCatalog(handle.db, loadDemoCatalog());
		const { totpSecret } = await createStaffUser(handle.db, {
			login: args.login,
			fullName: args.name,
			providerSlug: args.provider ?? null,
			role: args.role as never,
			password: args.password
		});
		console.log(`Staff account ${args.login} created (${args.role}).`);
		console.log(`totp-secret: ${totpSecret}`);
	} finally {
		await handle.close();
	}
} catch (error) {
	if (error instanceof ConfigError) console.error(error.message);
	else if (error instanceof AppError) console.error(`Not created: ${REASONS[error.code] ?? error.code}.\n${usage}`);
	else console.error(error);
	process.exit(1);
}
