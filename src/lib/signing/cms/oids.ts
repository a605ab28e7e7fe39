// Object identifiers used by the national PKI (НУЦ РК) and by CMS. Kept in one place so the verifier
// and the test CA cannot drift apart.

export const OID = {
	data: '1.2.840.113549.1.7.1',
	signedData: '1.2.840.113549.1.7.2',
	contentType: '1.2.840.113549.1.9.3',
	messageDigest: '1.2.840.113549.1.9.4',
	signingTime: '1.2.840.113549.1.9.5',

	rsaEncryption: '1.2.840.113549.1.1.1',
	ecPublicKey: '1.2.840.10045.2.1',

	keyUsage: '2.5.29.15',
	extKeyUsage: '2.5.29.37',
	basicConstraints: '2.5.29.19',
	subjectKeyIdentifier: '2.5.29.14',
	authorityKeyIdentifier: '2.5.29.35',
	certificatePolicies: '2.5.29.32',

	emailProtection: '1.3.6.1.5.5.7.3.4',
	clientAuth: '1.3.6.1.5.5.7.3.2'
} as const;

/** Signature, digest and key algorithms of Kazakhstan's GOST family all live under this arc. */
export const KZ_GOST_ARC = '1.2.398.3.10.';

export const SHA_BY_DIGEST_OID: Readonly<Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512'>> = {
	'2.16.840.1.101.3.4.2.1': 'SHA-256',
	'2.16.840.1.101.3.4.2.2': 'SHA-384',
	'2.16.840.1.101.3.4.2.3': 'SHA-512'
};

export const RSA_SIGNATURE_OIDS = new Set([
	OID.rsaEncryption, // NCALayer and many CMS producers put the key algorithm here
	'1.2.840.113549.1.1.11',
	'1.2.840.113549.1.1.12',
	'1.2.840.113549.1.1.13'
]);

export const ECDSA_SIGNATURE_OIDS = new Set(['1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4']);

/** Curves WebCrypto implements everywhere (Node and browsers). */
export const SUPPORTED_CURVES = new Set(['1.2.840.10045.3.1.7', '1.3.132.0.34', '1.3.132.0.35']);

export const SIGNER_ROLES = {
	individual: '1.2.398.3.3.4.1.1',
	organisation: '1.2.398.3.3.4.1.2',
	head: '1.2.398.3.3.4.1.2.1',
	right_to_sign: '1.2.398.3.3.4.1.2.2',
	financial: '1.2.398.3.3.4.1.2.3',
	hr: '1.2.398.3.3.4.1.2.4',
	employee: '1.2.398.3.3.4.1.2.5'
} as const;

export type SignerRole = keyof typeof SIGNER_ROLES;

/** Roles that may sign a legal entity's documents on its behalf. */
export const ROLES_THAT_SIGN_FOR_ENTITY: readonly SignerRole[] = ['head', 'right_to_sign'];

const ROLE_BY_OID = new Map(Object.entries(SIGNER_ROLES).map(([role, oid]) => [oid as string, role as SignerRole]));

export function roleForOid(oid: string): SignerRole | undefined {
	return ROLE_BY_OID.get(oid);
}

/** Short names for a readable distinguished name; unknown types are shown as their OID. */
export const DN_SHORT_NAMES: Readonly<Record<string, string>> = {
	'2.5.4.3': 'CN',
	'2.5.4.4': 'SURNAME',
	'2.5.4.5': 'SERIALNUMBER',
	'2.5.4.6': 'C',
	'2.5.4.7': 'L',
	'2.5.4.8': 'ST',
	'2.5.4.10': 'O',
	'2.5.4.11': 'OU',
	'2.5.4.42': 'GIVENNAME',
	'1.2.840.113549.1.9.1': 'E',
	'0.9.2342.19200300.100.1.25': 'DC'
};

export const DN_OID = {
	commonName: '2.5.4.3',
	surname: '2.5.4.4',
	serialNumber: '2.5.4.5',
	country: '2.5.4.6',
	organisation: '2.5.4.10',
	organisationalUnit: '2.5.4.11',
	givenName: '2.5.4.42'
} as const;
