import type { LocalizedText } from '../i18n/localized.ts';

/**
 * A service's application form, as data: steps with fields and the documents each step asks for.
 * Definitions are versioned; an application keeps the version it was started with.
 */
export const FIELD_TYPES = ['text', 'long_text', 'number', 'money', 'date', 'select', 'radio', 'checkbox', 'iin_bin', 'phone', 'email', 'table'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What the client card can fill in automatically when a draft is created. */
export const PREFILL_SOURCES = ['organisation_name', 'iin_bin', 'last_name', 'first_name', 'patronymic', 'full_name', 'phone', 'email'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

export interface FieldOption {
	value: string;
	label: LocalizedText;
}

export interface FieldDefinition {
	key: string;
	type: FieldType;
	label: LocalizedText;
	hint?: LocalizedText;
	isRequired: boolean;
	/** Longest text accepted (text, long_text). */
	maxLength?: number;
	/** A code (IBAN, BIC): spaces are dropped and letters upper-cased before it is checked and stored. */
	isCode?: boolean;
	/** A regular expression the whole text must match (explain the format in the hint). */
	pattern?: string;
	/** A check digit rule on top of the pattern. */
	checksum?: 'iban';
	/** Bounds for number and money (money in tenge). */
	min?: number;
	max?: number;
	/** Choices for select and radio. */
	options?: FieldOption[];
	/** The columns of a repeatable table of rows; they are simple fields (no nested tables). */
	columns?: FieldDefinition[];
	minRows?: number;
	maxRows?: number;
	/** Money columns of a table that are summed under it (the promotion-expenses total). */
	totalColumns?: string[];
	/** Filled from the applicant's client card when the draft is created. */
	prefill?: PrefillSource;
}

export const DOCUMENT_TYPES = ['pdf', 'jpeg', 'png', 'docx', 'xlsx'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentRequirement {
	key: string;
	label: LocalizedText;
	allowedTypes: DocumentType[];
	maxSizeBytes: number;
	minFiles: number;
	maxFiles: number;
	isRequired: boolean;
}

export interface StepDefinition {
	key: string;
	title: LocalizedText;
	fields: FieldDefinition[];
	documents: DocumentRequirement[];
}

export interface FormDefinition {
	version: number;
	steps: StepDefinition[];
}

/** Every form ends with this step: a question for the consultant («Кеңесшіге сұрақ қойыңыз»). */
export const CONSULTANT_QUESTION_STEP_KEY = 'consultant_question';

/** 20 MB, the default limit per file of the security bar. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
