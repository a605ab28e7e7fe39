import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, ne } from 'drizzle-orm';
import { checkDigit } from '../../identity/iin-bin.ts';
import type { Database } from '../db/client.ts';
import { createStaffUser } from './create-staff-user.ts';
import { userAccount, type Role } from './schema.ts';

const DEMO_STAFF: { role: Exclude<Role, 'applicant'>; name: string; provider: string | null }[] = [
	{ role: 'supervisor', name: 'Майлыбаева Айнұр Серікқызы', provider: 'nadloc' },
	{ role: 'executor', name: 'Еділбаева Роза Тоқтарқызы', provider: 'nadloc' },
	{ role: 'consultant', name: 'Сағиев Асқар Болатұлы', provider: 'atameken' },
	{ role: 'provider-admin', name: 'Талишева Сәуле Темірқызы', provider: 'nadloc' },
	{ role: 'platform-admin', name: 'Исмаилов Ғалым Серікұлы', provider: null }
];

/** A valid IIN for a made-up person born on 1 January 1980 (serials from 0001 up). */
function demoIin(serial: number): string {
	for (let s = serial; ; s++) {
		const first11 = `8001013${String(s).padStart(4, '0')}`;
		const digit = checkDigit([...first11].map(Number));
		if (digit !== null) return `${first11}${digit}`;
	}
}

/**
 * Demo mode only: one staff member per role, each with a random password and TOTP secret, written
 * to `$DATA_DIR/demo-staff.txt` (readable by the operator only) and printed at every start-up so
 * the office and admin areas can be tried. Never used in production mode.
 */
export async function ensureDemoStaff(db: Database, dataDir: string): Promise<string | null> {
	const file = path.join(dataDir, 'demo-staff.txt');
	if (existsSync(file)) return readFileSync(file, 'utf8');
	const [anyStaff] = await db.select({ id: userAccount.id }).from(userAccount).where(and(ne(userAccount.role, 'applicant'))).limit(1);
	if (anyStaff) return null;
	const lines = ['Demo staff accounts (sign in at /login with the IIN, the password and a code from an authenticator app set up with the TOTP secret):'];
	let serial = 1;
	for (const person of DEMO_STAFF) {
		const login = demoIin(serial);
		serial = Number(login.slice(7, 11)) + 1;
		const password = `demo-${randomBytes(9).toString('base64url')}`;
		const { totpSecret } = await createStaffUser(db, { login, fullName: person.name, providerSlug: person.provider, role: person.role, password });
		lines.push(`  ${person.role.padEnd(15)} login ${login}  password ${password}  totp-secret ${totpSecret}  (${person.provider ?? 'all providers'})`);
	}
	const text = `${lines.join('\n')}\n`;
	mkdirSync(dataDir, { recursive: true });
	writeFileSync(file, text, { mode: 0o600 });
	return text;
}
