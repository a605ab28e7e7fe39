import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provider } from '../catalog/schema.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { ensureDemoStaff } from './ensure-demo-staff.ts';
import { userAccount } from './schema.ts';

const DEMO_PROVIDERS = ['atameken', 'nadloc', 'cmer', 'almaty-chamber', 'damu'];
const LINE = /^ {2}(\S+)\s+login (\d{12}) {2}password (\S+) {2}totp-secret (\S+) {2}\((.+?)\) {2}(.+)$/;

let handle: DatabaseHandle;
let dataDir: string;

beforeAll(async () => {
	handle = await openTestDatabase();
	await handle.db.insert(provider).values(DEMO_PROVIDERS.map((slug) => ({ slug, name: { kk: slug, ru: slug, en: slug } })));
	dataDir = mkdtempSync(path.join(tmpdir(), 'demo-staff-'));
});
afterAll(async () => {
	await handle?.close();
	rmSync(dataDir, { recursive: true, force: true });
});

const parse = (text: string) =>
	text
		.split('\n')
		.map((line) => LINE.exec(line))
		.filter((match) => match !== null)
		.map(([, role, login, password, secret, organisation, name]) => ({ role: role!, login: login!, password: password!, secret: secret!, organisation: organisation!, name: name! }));

describe('demo staff', () => {
	it('gives every demo provider a supervisor and two executors, besides the consultant and the admins, one line each', async () => {
		const text = await ensureDemoStaff(handle.db, dataDir);
		const people = parse(text);
		for (const slug of DEMO_PROVIDERS) {
			const own = people.filter((person) => person.organisation === slug);
			expect(own.filter((person) => person.role === 'supervisor'), slug).toHaveLength(1);
			expect(own.filter((person) => person.role === 'executor'), slug).toHaveLength(2);
		}
		expect(people.map((person) => person.role)).toEqual(expect.arrayContaining(['consultant', 'provider-admin', 'platform-admin']));
		expect(new Set(people.map((person) => person.login)).size).toBe(people.length);
		const file = path.join(dataDir, 'demo-staff.txt');
		expect(readFileSync(file, 'utf8')).toBe(text);
		expect(statSync(file).mode & 0o777).toBe(0o600);

		const rows = await handle.db.select({ login: userAccount.login, role: userAccount.role, providerId: userAccount.providerId }).from(userAccount).where(ne(userAccount.role, 'applicant'));
		expect(rows).toHaveLength(people.length);
		const [nadloc] = await handle.db.select({ id: provider.id }).from(provider).where(eq(provider.slug, 'nadloc'));
		const supervisor = people.find((person) => person.role === 'supervisor' && person.organisation === 'nadloc')!;
		expect(rows.find((row) => row.login === supervisor.login)).toMatchObject({ role: 'supervisor', providerId: nadloc!.id });
	});

	it('creates nobody twice on the next start, and adds only the people an older file lacks', async () => {
		const file = path.join(dataDir, 'demo-staff.txt');
		const before = readFileSync(file, 'utf8');
		expect(await ensureDemoStaff(handle.db, dataDir)).toBe(before);

		// An earlier version knew only the first five people: the newcomers are created and appended.
		const lines = before.trimEnd().split('\n');
		const kept = lines.slice(0, 6);
		const dropped = parse(lines.slice(6).join('\n'));
		writeFileSync(file, `${kept.join('\n')}\n`, { mode: 0o600 });
		await handle.db.delete(userAccount).where(eq(userAccount.login, dropped[0]!.login));
		const after = parse(await ensureDemoStaff(handle.db, dataDir));
		expect(after.slice(0, 5)).toEqual(parse(kept.join('\n')));
		expect(after).toHaveLength(6);
		expect(after[5]!.login).toBe(dropped[0]!.login);
		expect(after[5]!.password).not.toBe(dropped[0]!.password);
	});
});
