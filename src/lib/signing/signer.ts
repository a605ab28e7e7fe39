// The seam between the pages that ask for a signature and the ways of producing one. NCALayer (and
// KAZTOKEN, which speaks its protocol) is the first; a software signer for tests and eGov mobile's QR
// flow are meant to slot in later without the pages changing. Nothing here may touch Node APIs: it is
// imported by browser code.

/**
 * Whose certificate may sign: a person by IIN, or a company by BIN (its head or a signatory),
 * optionally a given person signing for it.
 */
export type SignerOwner = { iin: string } | { bin: string; iin?: string };

export type SignLocale = 'kk' | 'ru' | 'en';

export interface SignInput {
	/** The document's exact bytes; the signature is detached, so these are not sent back. */
	data: Uint8Array;
	owner: SignerOwner;
	/** Language of the signer's own dialogs (key choice, PIN). */
	locale: SignLocale;
	/** Lets a page that is left or reset stop waiting; the outcome is then `cancelled`. */
	signal?: AbortSignal;
}

/**
 * What came of one attempt. Every way a signer can end is a value rather than an exception, so a page
 * must say what it shows for each one (the union is exhaustive under `switch`).
 */
export type SignOutcome =
	/** `cms`: Base64 of a detached CMS SignedData (DER), no armour, no whitespace. */
	| { kind: 'signed'; cms: string }
	| { kind: 'cancelled' }
	/** The signing app could not be reached (not started, or its local certificate never accepted). */
	| { kind: 'not_running' }
	/** The signing app answered with an error, or with something this client cannot read. */
	| { kind: 'failed'; code: string; message: string }
	| { kind: 'timeout' };

export interface DocumentSigner {
	/** Stable name, e.g. for logs and for the choice of signer offered to the user. */
	readonly id: string;
	sign(input: SignInput): Promise<SignOutcome>;
}
