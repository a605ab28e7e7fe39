import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTORS, APPLICATION_STATUSES, availableActions, FINAL_STATUSES, findTransition, TRANSITIONS, type ApplicationStatus } from './status.ts';

const status = fc.constantFrom(...APPLICATION_STATUSES);
const actor = fc.constantFrom(...ACTORS);
const action = fc.constantFrom(...TRANSITIONS.map((t) => t.action), 'delete', 'approve');

describe('application transitions', () => {
	it('never leave a final status, whoever asks', () => {
		fc.assert(fc.property(fc.constantFrom(...FINAL_STATUSES), actor, action, (from, by, name) => findTransition(name, from, by) === null));
	});

	it('allow a move only when the table lists the status and the actor', () => {
		fc.assert(
			fc.property(status, actor, action, (from, by, name) => {
				const transition = findTransition(name, from, by);
				const row = TRANSITIONS.find((t) => t.action === name);
				const isListed = !!row && (row.from as readonly string[]).includes(from) && (row.by as readonly string[]).includes(by);
				return isListed ? transition?.to === row!.to : transition === null;
			})
		);
	});

	it('walk only along the table: any random walk stays among reachable statuses and ends when final', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(action, actor), { maxLength: 30 }), (steps) => {
				let current: ApplicationStatus = 'draft';
				for (const [name, by] of steps) {
					const transition = findTransition(name, current, by);
					if (transition) {
						expect(FINAL_STATUSES).not.toContain(current);
						current = transition.to;
					}
				}
				return APPLICATION_STATUSES.includes(current);
			})
		);
	});

	it('reach every status from a draft', () => {
		const reached = new Set<ApplicationStatus>(['draft']);
		for (let round = 0; round < APPLICATION_STATUSES.length; round++) {
			for (const t of TRANSITIONS) if (t.from.some((from) => reached.has(from))) reached.add(t.to);
		}
		expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
	});

	it('let only the applicant send, and withdraw only until a decision', () => {
		expect(findTransition('submit', 'draft', 'applicant')?.to).toBe('submitted');
		expect(findTransition('submit', 'draft', 'executor')).toBeNull();
		expect(findTransition('submit', 'submitted', 'applicant')).toBeNull();
		expect(availableActions('submitted', 'applicant')).toEqual(['withdraw']);
		expect(findTransition('withdraw', 'awaiting_signature', 'applicant')).toBeNull();
		expect(findTransition('withdraw', 'completed', 'applicant')).toBeNull();
	});
});
