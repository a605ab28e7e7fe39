/** What a service gives the applicant in the end; shared by the schema and the pages. */
export const RESULT_KINDS = ['consultation', 'subsidy', 'grant', 'loan', 'training', 'document', 'other'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];
