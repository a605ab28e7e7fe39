import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, needsRehash, verifyPassword } from './password.ts';

describe('checkPassword', () => {
	it('accepts long passphrases of any kind, including 64 characters and more', () => {
		expect(checkPassword('тау өзені жазда суық')).toBeNull();
		expect(checkPassword('x'.repeat(40) + 'Ё'.repeat(30))).toBeNull();
		expect(checkPassword('correct horse battery staple')).toBeNull();
	});

	it('refuses short, common and very long passwords', () => {
		expect(checkPassword('Ab1!')).toBe('too_short');
		expect(checkPassword('1234567')).toBe('too_short');
		expect(checkPassword('password1')).toBe('too_common');
		expect(checkPassword('QWERTY123')).toBe('too_common');
		expect(checkPassword('a'.repeat(257))).toBe('too_long');
	});

	it('refuses the account’s own IIN/BIN, phone and name, and the portal’s name', () => {
		expect(checkPassword('my871008401427', { login: '871008401427' })).toBe('contains_identifier');
		expect(checkPassword('x7011234567y', { phone: '+77011234567' })).toBe('contains_identifier');
		expect(checkPassword('Aigerim-2024!', { names: ['Aigerim', null] })).toBe('contains_name');
		expect(checkPassword('Atameken2026!')).toBe('contains_portal_word');
	});
});

describe('password hashing', () => {
	it('verifies the right password only, with salted argon2id at the set parameters', async () => {
		const hash = await hashPassword('тау өзені жазда суық');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(needsRehash(hash)).toBe(false);
		expect(await verifyPassword('тау өзені жазда суық', hash)).toBe(true);
		expect(await verifyPassword('тау өзені жазда суык', hash)).toBe(false);
		expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
	});

	it('asks for a rehash of hashes made with weaker parameters and survives garbage', async () => {
		expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA')).toBe(true);
		expect(await verifyPassword('x', 'not a hash')).toBe(false);
	});
});

describe('many sign-ins at once', () => {
	it('are all answered correctly while only a few hashes run at a time', async () => {
		const hash = await hashPassword('burst of sign-ins');
		const results = await Promise.all(Array.from({ length: 8 }, (_, i) => verifyPassword(i % 2 === 0 ? 'burst of sign-ins' : 'wrong', hash)));
		expect(results).toEqual([true, false, true, false, true, false, true, false]);
	});
});
