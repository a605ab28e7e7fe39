import { randomBytes } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { HashWorkerPool, type HashPoolStats } from './password-workers.ts';

/**
 * Passwords per NIST SP 800-63B: length 8 and up (64+ accepted), no composition rules, refused
 * when common, or built from the account's own identifiers, name or the portal's name.
 */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_identifier' | 'contains_name' | 'contains_portal_word';

// About 49,000 passwords seen most often in breaches, shipped with the zxcvbn-ts package.
const COMMON_PASSWORDS = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
const PORTAL_WORDS = ['atameken', 'атамекен', 'ataмекен', 'services', 'qazaqstan', 'kazakhstan', 'казахстан', 'қазақстан', 'password', 'пароль', 'құпиясөз'];

export interface PasswordContext {
	login?: string | null;
	phone?: string | null;
	names?: (string | null | undefined)[];
}

export function checkPassword(password: string, context: PasswordContext = {}): PasswordProblem | null {
	const length = [...password].length;
	if (length < MIN_PASSWORD_LENGTH) return 'too_short';
	if (length > MAX_PASSWORD_LENGTH) return 'too_long';
	const lower = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lower)) return 'too_common';
	const digits = password.replace(/\D/g, '');
	const phoneDigits = context.phone?.replace(/\D/g, '').slice(-10);
	if ((context.login && lower.includes(context.login)) || (phoneDigits && digits.includes(phoneDigits))) return 'contains_identifier';
	for (const name of context.names ?? []) {
		const normalized = name?.trim().toLowerCase();
		if (normalized && normalized.length >= 3 && lower.includes(normalized)) return 'contains_name';
	}
	if (PORTAL_WORDS.some((word) => lower.includes(word))) return 'contains_portal_word';
	return null;
}

/** argon2id with the OWASP/ASVS minimum: 19 MiB, 2 passes, 1 lane (set explicitly; defaults differ). */
export const ARGON2_PARAMETERS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

/**
 * Each argon2 computation holds its own 19 MiB and is CPU-bound on one thread. It runs on one of
 * two worker threads, so requests keep being answered meanwhile; a burst of sign-ins queues for
 * those two instead of growing the process.
 */
const MAX_CONCURRENT_HASHES = 2;
let pool: HashWorkerPool | undefined;
const hashPool = () => (pool ??= new HashWorkerPool(MAX_CONCURRENT_HASHES));

export async function hashPassword(password: string): Promise<string> {
	return hashPool().hash(password.normalize('NFC'), ARGON2_PARAMETERS);
}

/** False for a wrong password and for a malformed hash; rejects only when hashing itself is broken. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
	return hashPool().verify(password.normalize('NFC'), hash);
}

/** The hashing threads' load, for tests and benchmarks. */
export function passwordHashingStats(options: { resetPeak?: boolean } = {}): HashPoolStats {
	const stats = hashPool().stats();
	if (options.resetPeak) hashPool().resetPeak();
	return stats;
}

/** True when a stored hash was made with other parameters than today's, so it is redone at sign-in. */
export function needsRehash(hash: string): boolean {
	const { memorySize, iterations, parallelism } = ARGON2_PARAMETERS;
	return !hash.startsWith(`$argon2id$v=19$m=${memorySize},t=${iterations},p=${parallelism}$`);
}

/**
 * A hash to verify against when the account does not exist, so that an unknown login takes as
 * long to refuse as a wrong password.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
	decoyHash ??= hashPassword(randomBytes(18).toString('base64'));
	return decoyHash;
}
