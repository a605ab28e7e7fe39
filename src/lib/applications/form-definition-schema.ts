import { z } from 'zod';
import { localizedTextSchema } from '../schemas/localized-text.ts';
import {
	DOCUMENT_TYPES,
	FIELD_TYPES,
	PREFILL_SOURCES,
	type DocumentRequirement,
	type FieldDefinition,
	type FieldOption,
	type FormDefinition,
	type StepDefinition
} from './form-definition.ts';

/**
 * The shape of a form definition (form-definition.ts), checked where a definition comes from outside
 * the code (the demo form files). Besides the types it refuses what would break a form later: a
 * choice without options, a table without columns, a pattern that does not compile, a key used twice.
 */

/** Keys name answers and documents, and a step's key is part of its URL: lower-case words joined by `_`. */
const keySchema = z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'must be snake_case (a-z, 0-9, _)');
const countSchema = z.int().nonnegative();

export const fieldOptionSchema: z.ZodType<FieldOption> = z.strictObject({ value: z.string().min(1), label: localizedTextSchema });

const fieldShape = {
	key: keySchema,
	type: z.enum(FIELD_TYPES),
	label: localizedTextSchema,
	hint: localizedTextSchema.optional(),
	isRequired: z.boolean(),
	maxLength: z.int().positive().optional(),
	isCode: z.boolean().optional(),
	pattern: z.string().min(1).optional(),
	checksum: z.literal('iban').optional(),
	min: z.number().optional(),
	max: z.number().optional(),
	options: z.array(fieldOptionSchema).min(1).optional(),
	minRows: countSchema.optional(),
	maxRows: z.int().positive().optional(),
	totalColumns: z.array(z.string()).optional(),
	prefill: z.enum(PREFILL_SOURCES).optional()
};

type FieldInput = z.infer<z.ZodObject<typeof fieldShape>> & { columns?: FieldDefinition[] };

function duplicateIssues(ctx: z.RefinementCtx, keys: string[], path: (string | number)[]): void {
	keys.forEach((key, index) => {
		if (keys.indexOf(key) !== index) ctx.addIssue({ code: 'custom', message: `"${key}" is used twice`, path: [...path, index] });
	});
}

function checkField(field: FieldInput, ctx: z.RefinementCtx): void {
	const isChoice = field.type === 'select' || field.type === 'radio';
	if (isChoice && !field.options) ctx.addIssue({ code: 'custom', message: `a ${field.type} needs options`, path: ['options'] });
	if (!isChoice && field.options) ctx.addIssue({ code: 'custom', message: 'only select and radio have options', path: ['options'] });
	if (field.options) duplicateIssues(ctx, field.options.map((option) => option.value), ['options']);
	if (field.min !== undefined && field.max !== undefined && field.min > field.max) ctx.addIssue({ code: 'custom', message: 'min is above max', path: ['min'] });
	if (field.pattern !== undefined) {
		try {
			// The same anchoring and flag as validate-step.ts.
			new RegExp(`^(?:${field.pattern})$`, 'u');
		} catch (error) {
			ctx.addIssue({ code: 'custom', message: `not a regular expression: ${(error as Error).message}`, path: ['pattern'] });
		}
	}
	if (field.type !== 'table') {
		for (const key of ['columns', 'minRows', 'maxRows', 'totalColumns'] as const) {
			if (field[key] !== undefined) ctx.addIssue({ code: 'custom', message: 'only a table has this', path: [key] });
		}
		return;
	}
	if (!field.columns?.length) ctx.addIssue({ code: 'custom', message: 'a table needs columns', path: ['columns'] });
	if (field.maxRows === undefined) ctx.addIssue({ code: 'custom', message: 'a table needs maxRows', path: ['maxRows'] });
	if (field.maxRows !== undefined && field.maxRows < (field.minRows ?? 0)) ctx.addIssue({ code: 'custom', message: 'maxRows is below minRows', path: ['maxRows'] });
	const columns = field.columns ?? [];
	duplicateIssues(ctx, columns.map((column) => column.key), ['columns']);
	(field.totalColumns ?? []).forEach((total, index) => {
		if (columns.find((column) => column.key === total)?.type !== 'money') {
			ctx.addIssue({ code: 'custom', message: `"${total}" is not a money column of this table`, path: ['totalColumns', index] });
		}
	});
}

/** A column of a table: a simple field (no nested table, nothing filled from the client card). */
const columnSchema = z
	.strictObject({ ...fieldShape, type: z.enum(FIELD_TYPES).exclude(['table']), prefill: z.never({ error: 'a table column is not filled from the client card' }).optional() })
	.superRefine(checkField);

export const fieldDefinitionSchema: z.ZodType<FieldDefinition> = z.strictObject({ ...fieldShape, columns: z.array(columnSchema).optional() }).superRefine(checkField);

export const documentRequirementSchema: z.ZodType<DocumentRequirement> = z
	.strictObject({
		key: keySchema,
		label: localizedTextSchema,
		allowedTypes: z.array(z.enum(DOCUMENT_TYPES)).min(1),
		maxSizeBytes: z.int().positive(),
		minFiles: countSchema,
		maxFiles: z.int().positive(),
		isRequired: z.boolean()
	})
	.superRefine((document, ctx) => {
		if (document.minFiles > document.maxFiles) ctx.addIssue({ code: 'custom', message: 'minFiles is above maxFiles', path: ['minFiles'] });
		if (document.isRequired && document.minFiles === 0) ctx.addIssue({ code: 'custom', message: 'a required document needs minFiles of 1 or more', path: ['minFiles'] });
	});

export const stepDefinitionSchema: z.ZodType<StepDefinition> = z
	.strictObject({ key: keySchema, title: localizedTextSchema, fields: z.array(fieldDefinitionSchema), documents: z.array(documentRequirementSchema) })
	.superRefine((step, ctx) => {
		duplicateIssues(ctx, step.fields.map((field) => field.key), ['fields']);
		duplicateIssues(ctx, step.documents.map((document) => document.key), ['documents']);
	});

/** The steps of one form, each with its own key. */
export const formStepsSchema: z.ZodType<StepDefinition[]> = z
	.array(stepDefinitionSchema)
	.min(1)
	.superRefine((steps, ctx) => duplicateIssues(ctx, steps.map((step) => step.key), []));

export const formDefinitionSchema: z.ZodType<FormDefinition> = z.strictObject({ version: z.int().positive(), steps: formStepsSchema });
