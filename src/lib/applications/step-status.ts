import type { DocumentRequirement, StepDefinition } from './form-definition.ts';

/** What the sidebar and Send need to know of each step: saved, complete, what is still missing. */
export interface StepStatus {
	key: string;
	isSaved: boolean;
	isComplete: boolean;
	/** Requirements whose files are still missing (or too many). */
	missingDocuments: string[];
}

export interface SavedStep {
	stepKey: string;
	isComplete: boolean;
}

/** Fewest files a requirement needs: a required document needs at least one. */
export function minimumFiles(requirement: DocumentRequirement): number {
	return requirement.isRequired ? Math.max(1, requirement.minFiles) : 0;
}

export function isRequirementMet(requirement: DocumentRequirement, fileCount: number): boolean {
	return fileCount >= minimumFiles(requirement) && fileCount <= requirement.maxFiles;
}

/**
 * A step is complete when its answers were complete at their last save and its documents meet
 * their requirements now (removing a file after saving takes the check mark away again).
 */
export function stepStatuses(steps: StepDefinition[], saved: SavedStep[], fileCounts: Record<string, number>): StepStatus[] {
	return steps.map((step) => {
		const row = saved.find((s) => s.stepKey === step.key);
		const missingDocuments = step.documents.filter((requirement) => !isRequirementMet(requirement, fileCounts[requirement.key] ?? 0)).map((r) => r.key);
		return { key: step.key, isSaved: !!row, isComplete: !!row?.isComplete && missingDocuments.length === 0, missingDocuments };
	});
}
