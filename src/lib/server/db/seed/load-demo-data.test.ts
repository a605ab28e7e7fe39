import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeedCategory } from './catalog-types.ts';
import { DEMO_DATA_DIR, DemoDataError, loadDemoCatalog, loadDemoForms } from './load-demo-data.ts';

const countCategories = (nodes: SeedCategory[]): number => nodes.reduce((sum, node) => sum + 1 + countCategories(node.children ?? []), 0);

describe('the demo data files', () => {
	it('validate, and hold the catalog and forms the demo is known by', () => {
		const catalog = loadDemoCatalog();
		expect(catalog.providers).toHaveLength(5);
		expect(catalog.categories).toHaveLength(7);
		expect(countCategories(catalog.categories)).toBe(25);
		expect(catalog.services).toHaveLength(21);
		const forms = loadDemoForms();
		expect(Object.keys(forms).sort()).toEqual(catalog.services.map((service) => service.slug).sort());
	});
});

describe('a wrong demo file', () => {
	let dir: string | undefined;
	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
		dir = undefined;
	});

	/** A copy of demo/ with one file changed by `edit`. */
	function demoCopyWith(file: string, edit: (text: string) => string): string {
		dir = mkdtempSync(path.join(tmpdir(), 'demo-data-'));
		cpSync(DEMO_DATA_DIR, dir, { recursive: true });
		const target = path.join(dir, file);
		writeFileSync(target, edit(readFileSync(target, 'utf8')));
		return dir;
	}

	const messageOf = (load: () => unknown): string => {
		try {
			load();
		} catch (error) {
			expect(error).toBeInstanceOf(DemoDataError);
			return (error as Error).message;
		}
		throw new Error('loaded without complaint');
	};

	it('names the file and the path of a field with an unknown type', () => {
		const copy = demoCopyWith('forms/legal-consultation.yaml', (text) => text.replace('type: long_text', 'type: essay'));
		const message = messageOf(() => loadDemoForms(copy));
		expect(message).toContain('legal-consultation.yaml');
		expect(message).toMatch(/steps\[\d+\]\.fields\[\d+\]\.type: /);
	});

	it('names the service whose category the catalog does not have', () => {
		const copy = demoCopyWith('catalog.yaml', (text) => text.replace(/^(\s+)category: (\S+)$/m, '$1category: no-such-category'));
		const message = messageOf(() => loadDemoCatalog(copy));
		expect(message).toContain('catalog.yaml');
		expect(message).toContain('services[0].category: no category "no-such-category"');
	});

	it('refuses a misspelt key instead of dropping it', () => {
		const copy = demoCopyWith('forms/legal-consultation.yaml', (text) => text.replace('isRequired: true', 'isRequred: true'));
		expect(messageOf(() => loadDemoForms(copy))).toMatch(/legal-consultation\.yaml[\s\S]*steps\[\d+\]\.fields\[\d+\]/);
	});

	it('reports a YAML syntax error with its line', () => {
		const copy = demoCopyWith('forms/legal-consultation.yaml', (text) => text.replace('steps:', 'steps: [\n'));
		expect(messageOf(() => loadDemoForms(copy))).toMatch(/legal-consultation\.yaml: .*line \d+/);
	});
});
