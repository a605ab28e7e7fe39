import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { checkDigit } from '../../identity/iin-bin.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { createStaffUser } from './create-staff-user.ts';
import { userAccount, type Role } from './schema.ts';

/**
 * The demo organisations' people; each provider's supervisor also signs its documents. The first
 * five keep their places (logins come from the order), so a data directory from an earlier
 * version keeps its accounts and gets only the newcomers.
 */
const DEMO_STAFF: { role: Exclude<Role, 'applicant'>; name: string; provider: string | null }[] = [
	{ role: 'supervisor', name: 'Майлыбаева Айнұр Серікқызы', provider: 'nadloc' },
	{ role: 'executor', name: 'Еділбаева Роза Тоқтарқызы', provider: 'nadloc' },
	{ role: 'consultant', name: 'Сағиев Асқар Болатұлы', provider: 'atameken' },
	{ role: 'provider-admin', name: 'Талишева Сәуле Темірқызы', provider: 'nadloc' },
	{ role: 'platform-admin', name: 'Исмаилов Ғалым Серікұлы', provider: null },
	{ role: 'executor', name: 'Жұмабеков Ерлан Қайратұлы', provider: 'nadloc' },
	{ role: 'supervisor', name: 'Оспанова Гүлнар Маратқызы', provider: 'atameken' },
	{ role: 'executor', name: 'Бекмұратов Нұрлан Әсетұлы', provider: 'atameken' },
	{ role: 'executor', name: 'Қасымова Динара Ерболқызы', provider: 'atameken' },
	{ role: 'supervisor', name: 'Төлеуов Бауыржан Сәкенұлы', provider: 'cmer' },
	{ role: 'executor', name: 'Әбдірахманова Жанар Бекқызы', provider: 'cmer' },
	{ role: 'executor', name: 'Серікбаев Дәулет Ғаниұлы', provider: 'cmer' },
	{ role: 'supervisor', name: 'Нұрпейісова Әлия Жомартқызы', provider: 'almaty-chamber' },
	{ role: 'executor', name: 'Құрманғалиев Арман Талғатұлы', provider: 'almaty-chamber' },
	{ role: 'executor', name: 'Ахметова Мөлдір Ұланқызы', provider: 'almaty-chamber' },
	{ role: 'supervisor', name: 'Есенжолов Қанат Мұратұлы', provider: 'damu' },
	{ role: 'executor', name: 'Ибраева Салтанат Өмірзаққызы', provider: 'damu' },
	{ role: 'executor', name: 'Шәріпов Ілияс Нұрланұлы', provider: 'damu' }
];

/** A valid IIN for a made-up person born on 1 January 1980 (serials from 0001 up). */
function demoIin(serial: number): string {
	for (let s = serial; ; s++) {
		const first11 = `8001013${String(s).padStart(4, '0')}`;
		const digit = checkDigit([...first11].map(Number));
		if (digit !== null) return `${first11}${digit}`;
	}
}

const HEADER = 'Demo staff accounts (sign in at /login with the IIN, the password and a code from an authenticator app set up with the TOTP secret):';

/**
 * Demo mode only: the demo organisations' staff, each with a random password and TOTP secret,
 * written to `$DATA_DIR/demo-staff.txt` (readable by the operator only) and printed at every
 * start-up so the office and admin areas can be tried. People missing from the database are
 * created and added to the file; nobody is created twice. Never used in production mode.
 */
export async function ensureDemoStaff(db: Database, dataDir: string): Promise<string> {
	const file = path.join(dataDir, 'demo-staff.txt');
	const lines = existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n') : [HEADER];
	const logins = people().map((person) => person.login);
	const existing = new Set((await db.select({ login: userAccount.login }).from(userAccount).where(inArray(userAccount.login, logins))).map((row) => row.login));
	let isChanged = false;
	for (const person of people()) {
		if (existing.has(person.login)) continue;
		const password = `demo-${randomBytes(9).toString('base64url')}`;
		let totpSecret: string;
		try {
			({ totpSecret } = await createStaffUser(db, { login: person.login, fullName: person.name, providerSlug: person.provider, role: person.role, password, isProviderSigner: person.role === 'supervisor' }));
		} catch (error) {
			// Another instance starting at the same moment created this person first: its file has them.
			if (error instanceof AppError && error.code === 'staff.login_taken') continue;
			throw error;
		}
		lines.push(`  ${person.role.padEnd(15)} login ${person.login}  password ${password}  totp-secret ${totpSecret}  (${person.provider ?? 'all providers'})  ${person.name}`);
		isChanged = true;
	}
	const text = `${lines.join('\n')}\n`;
	if (isChanged) {
		mkdirSync(dataDir, { recursive: true });
		writeFileSync(file, text, { mode: 0o600 });
	}
	return text;
}

/** The demo staff with their logins, in the list's order. */
function people() {
	let serial = 1;
	return DEMO_STAFF.map((person) => {
		const login = demoIin(serial);
		serial = Number(login.slice(7, 11)) + 1;
		return { ...person, login };
	});
}
