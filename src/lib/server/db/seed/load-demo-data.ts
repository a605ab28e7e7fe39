import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { formStepsSchema } from '../../../applications/form-definition-schema.ts';
import type { StepDefinition } from '../../../applications/form-definition.ts';
import { catalogSeedSchema } from './catalog-schema.ts';
import type { CatalogSeed } from './seed-catalog.ts';
import type { FeedRate } from '../../rates/feed/parse-rates.ts';

/**
 * Reads the demo data from data files in `demo/` (beside `drizzle/`, found from the working directory):
 * `catalog.yaml` and one form per service in `forms/<service slug>.yaml`. Only non-production start-up
 * imports this module, so production neither bundles nor reads any of it. Every file is checked
 * against its schema; a wrong one throws a DemoDataError naming the file and where in it.
 */
export const DEMO_DATA_DIR = path.resolve(process.cwd(), 'demo');

const SLUG_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;

export class DemoDataError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DemoDataError';
	}
}

/** `steps[2].fields[0].type`, as one would look it up in the file. */
function formatPath(at: readonly PropertyKey[]): string {
	if (at.length === 0) return '(the whole file)';
	return at.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

/** The file as the project names it (`demo/catalog.yaml`), or in full when it lies elsewhere. */
function displayName(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function readDataFile<T>(file: string, schema: z.ZodType<T>): T {
	const name = displayName(file);
	let data: unknown;
	try {
		data = parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new DemoDataError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
	}
	const result = schema.safeParse(data);
	if (!result.success) {
		const problems = result.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
		throw new DemoDataError(`${name} is not valid demo data:\n${problems.join('\n')}`);
	}
	return result.data;
}

export function loadDemoCatalog(dir: string = DEMO_DATA_DIR): CatalogSeed {
	return readDataFile(path.join(dir, 'catalog.yaml'), catalogSeedSchema);
}

const demoRatesSchema = z.strictObject({
	date: z.iso.date(),
	rates: z.array(z.strictObject({ currency: z.string().regex(/^[A-Z]{3}$/), tengePerUnit: z.number().positive(), direction: z.enum(['up', 'down', 'same']), change: z.number().nullable() })).min(1)
});

/** The demo's rates of one past day (`rates.yaml`), as the feed reader gives them. */
export function loadDemoRates(dir: string = DEMO_DATA_DIR): FeedRate[] {
	const seed = readDataFile(path.join(dir, 'rates.yaml'), demoRatesSchema);
	return seed.rates.map((rate) => ({ ...rate, date: seed.date }));
}

// A form file is an object, so that something besides the steps can be added later without a new format.
const formFileSchema = z.strictObject({ steps: formStepsSchema });

/** The demo form of each service, keyed by the service's slug (the file's name). */
export function loadDemoForms(dir: string = DEMO_DATA_DIR): Record<string, StepDefinition[]> {
	const formsDir = path.join(dir, 'forms');
	const forms: Record<string, StepDefinition[]> = {};
	for (const entry of readdirSync(formsDir).sort()) {
		if (!entry.endsWith('.yaml')) continue;
		const slug = SLUG_FILE.exec(entry)?.[1];
		if (!slug) throw new DemoDataError(`${displayName(path.join(formsDir, entry))}: the file name must be a service slug (a-z, 0-9, -) and .yaml`);
		forms[slug] = readDataFile(path.join(formsDir, entry), formFileSchema).steps;
	}
	return forms;
}
