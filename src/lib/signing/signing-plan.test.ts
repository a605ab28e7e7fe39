import { describe, expect, it } from 'vitest';
import { isSigningPlan, nextSigner, offeredSigningPlans, planOf, SIGNING_PLANS, type SigningPlan } from './signing-plan.ts';

describe('signing plans', () => {
	it('ask for the signatures in the order chosen, one at a time, and for none once all are in', () => {
		expect(nextSigner(SIGNING_PLANS.applicant_then_provider, [])).toBe('applicant');
		expect(nextSigner(SIGNING_PLANS.applicant_then_provider, ['applicant'])).toBe('provider');
		expect(nextSigner(SIGNING_PLANS.provider_then_applicant, [])).toBe('provider');
		expect(nextSigner(SIGNING_PLANS.provider_then_applicant, ['provider', 'applicant'])).toBeNull();
		expect(nextSigner(SIGNING_PLANS.none, [])).toBeNull();
	});

	it('are told from their signers and from a posted value, and nothing else passes for one', () => {
		for (const plan of Object.keys(SIGNING_PLANS) as SigningPlan[]) expect(planOf(SIGNING_PLANS[plan])).toBe(plan);
		expect(isSigningPlan('applicant')).toBe(true);
		expect(isSigningPlan('toString')).toBe(false);
		expect(isSigningPlan('everyone')).toBe(false);
	});

	it("offer the provider's signature only where the provider can give it", () => {
		expect(offeredSigningPlans(false)).toEqual(['none', 'applicant']);
		expect(offeredSigningPlans(true)).toEqual(['none', 'applicant', 'provider', 'applicant_then_provider', 'provider_then_applicant']);
	});
});
