/**
 * Who signs a result document and in which order: the applicant, the provider (a staff member who
 * may sign on its behalf), or both one after the other, as the executor chose when issuing it.
 */
export const SIGNING_PARTIES = ['applicant', 'provider'] as const;
export type SigningParty = (typeof SIGNING_PARTIES)[number];

export const SIGNING_PLANS = {
	none: [],
	applicant: ['applicant'],
	provider: ['provider'],
	applicant_then_provider: ['applicant', 'provider'],
	provider_then_applicant: ['provider', 'applicant']
} as const satisfies Record<string, readonly SigningParty[]>;
export type SigningPlan = keyof typeof SIGNING_PLANS;

/**
 * The plans the office may choose: a plan with the provider's signature only where the provider can
 * give it (its BIN is known and someone active holds its right to sign), so no document waits for a
 * signature nobody can make.
 */
export function offeredSigningPlans(canProviderSign: boolean): SigningPlan[] {
	const plans = Object.keys(SIGNING_PLANS) as SigningPlan[];
	return canProviderSign ? plans : plans.filter((plan) => !(SIGNING_PLANS[plan] as readonly SigningParty[]).includes('provider'));
}

export function isSigningPlan(value: string): value is SigningPlan {
	return Object.hasOwn(SIGNING_PLANS, value);
}

/** The plan a document's signers follow, for showing the choice again. */
export function planOf(signers: readonly SigningParty[]): SigningPlan {
	const found = (Object.keys(SIGNING_PLANS) as SigningPlan[]).find((plan) => SIGNING_PLANS[plan].join() === signers.join());
	return found ?? 'none';
}

/** Whose signature the document waits for now, or null once everyone required has signed. */
export function nextSigner(signers: readonly SigningParty[], signed: readonly SigningParty[]): SigningParty | null {
	return signers.find((party) => !signed.includes(party)) ?? null;
}
