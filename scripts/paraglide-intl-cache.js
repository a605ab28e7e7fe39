/**
 * Paraglide's generated formatters build a new Intl.PluralRules (or NumberFormat) on every call;
 * constructing one costs far more than using it, and plural messages are rendered many times per
 * page (one per row of My applications). This keeps one formatter per locale and options.
 * Runs after `paraglide-js compile`; if a Paraglide upgrade changes the generated code, it says so
 * and leaves the file as it is.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../src/lib/paraglide/registry.js', import.meta.url);
let source = readFileSync(file, 'utf8');
const replacements = [
	['return new Intl.PluralRules(locale, options).select(Number(input))', 'return cachedIntl(Intl.PluralRules, locale, options).select(Number(input))'],
	['return new Intl.NumberFormat(locale, options).format(Number(input))', 'return cachedIntl(Intl.NumberFormat, locale, options).format(Number(input))']
];
let replaced = 0;
for (const [from, to] of replacements) {
	if (source.includes(from)) {
		source = source.replace(from, to);
		replaced++;
	}
}
if (replaced === 0 && !source.includes('function cachedIntl')) {
	console.warn('paraglide-intl-cache: the generated formatters changed; nothing was cached.');
} else if (!source.includes('function cachedIntl')) {
	source += `
const intlCache = new Map();
/** One formatter per kind, locale and options, built on first use. */
function cachedIntl(Kind, locale, options) {
	const key = \`\${Kind.name}|\${locale}|\${options ? JSON.stringify(options) : ''}\`;
	let formatter = intlCache.get(key);
	if (!formatter) {
		formatter = new Kind(locale, options);
		intlCache.set(key, formatter);
	}
	return formatter;
}
`;
	writeFileSync(file, source);
}
