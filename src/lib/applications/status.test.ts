import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTORS, APPLICATION_STATUSES, availableActions, FINAL_STATUSES, findTransition, statusAfter, TRANSITION_ACTIONS, TRANSITIONS, type Actor, type ApplicationStatus, type TransitionAction } from './status.ts';

const status = fc.constantFrom(...APPLICATION_STATUSES);
const actor = fc.constantFrom(...ACTORS);
const action = fc.constantFrom(...TRANSITION_ACTIONS, 'delete', 'approve');

/**
 * What each party may do in each status, written out by hand from the domain description rather
 * than read from the table: the table must agree with it for every status × action × actor.
 * `action → status` means the application moves there; a bare action leaves the status as it is.
 */
const EXPECTED: Record<ApplicationStatus, Record<Actor, string[]>> = {
	draft: { applicant: ['submit → submitted'], supervisor: [], executor: [], system: [] },
	submitted: {
		applicant: ['withdraw → withdrawn'],
		supervisor: ['assign', 'reject → rejected', 'notify', 'unassign'],
		executor: ['take → in_progress', 'reject → rejected', 'notify'],
		system: ['assign', 'unassign']
	},
	in_progress: {
		applicant: ['withdraw → withdrawn'],
		supervisor: ['assign', 'return → returned', 'reject → rejected', 'notify', 'unassign'],
		executor: ['return → returned', 'issue_document', 'request_signature → awaiting_signature', 'complete → completed', 'reject → rejected', 'notify'],
		system: ['unassign']
	},
	returned: {
		applicant: ['resubmit → in_progress', 'withdraw → withdrawn'],
		supervisor: ['assign', 'notify', 'unassign'],
		executor: ['notify'],
		system: ['unassign']
	},
	awaiting_signature: {
		applicant: ['sign'],
		supervisor: ['assign', 'sign', 'reject → rejected', 'notify', 'unassign'],
		executor: ['sign', 'reject → rejected', 'notify'],
		system: ['complete → completed', 'unassign']
	},
	completed: { applicant: [], supervisor: [], executor: [], system: [] },
	rejected: { applicant: [], supervisor: [], executor: [], system: [] },
	withdrawn: { applicant: [], supervisor: [], executor: [], system: [] }
};

describe('application transitions', () => {
	it('allow exactly what the domain says, for every status, action and actor', () => {
		for (const from of APPLICATION_STATUSES) {
			for (const by of ACTORS) {
				const expected = new Map(EXPECTED[from][by].map((entry) => [entry.split(' → ')[0]!, (entry.split(' → ')[1] ?? from) as ApplicationStatus]));
				for (const name of TRANSITION_ACTIONS) {
					const transition = findTransition(name, from, by);
					const where = `${name} from ${from} by ${by}`;
					if (expected.has(name)) expect(transition && statusAfter(transition, from), where).toBe(expected.get(name));
					else expect(transition, where).toBeNull();
				}
				expect(availableActions(from, by), `${from} / ${by}`).toEqual([...expected.keys()].sort((a, b) => TRANSITION_ACTIONS.indexOf(a as TransitionAction) - TRANSITION_ACTIONS.indexOf(b as TransitionAction)));
			}
		}
	});

	it('never leave a final status, whoever asks', () => {
		fc.assert(fc.property(fc.constantFrom(...FINAL_STATUSES), actor, action, (from, by, name) => findTransition(name, from, by) === null));
	});

	it('refuse actions the table does not know', () => {
		fc.assert(fc.property(status, actor, fc.string(), (from, by, name) => (TRANSITION_ACTIONS as readonly string[]).includes(name) || findTransition(name, from, by) === null));
	});

	it('walk only along the table: any random walk stays among reachable statuses and ends when final', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(action, actor), { maxLength: 30 }), (steps) => {
				let current: ApplicationStatus = 'draft';
				for (const [name, by] of steps) {
					const transition = findTransition(name, current, by);
					if (transition) {
						expect(FINAL_STATUSES).not.toContain(current);
						current = statusAfter(transition, current);
					}
				}
				return APPLICATION_STATUSES.includes(current);
			})
		);
	});

	it('reach every status from a draft', () => {
		const reached = new Set<ApplicationStatus>(['draft']);
		for (let round = 0; round < APPLICATION_STATUSES.length; round++) {
			for (const t of TRANSITIONS) if (t.to && t.from.some((from) => reached.has(from))) reached.add(t.to);
		}
		expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
	});
});
