import type { SignatureRefusalCode } from '../../signing/checked-signature.ts';

/** Why a signature was refused; each failure maps to exactly one code. */
export type RefusalCode = SignatureRefusalCode;

/** Thrown inside the verifier to stop at the first failed check; never escapes verifyDetachedSignature. */
export class Refusal extends Error {
	readonly code: RefusalCode;

	constructor(code: RefusalCode, detail: string) {
		super(detail);
		this.name = 'Refusal';
		this.code = code;
	}
}

export function refuse(code: RefusalCode, detail: string): never {
	throw new Refusal(code, detail);
}
