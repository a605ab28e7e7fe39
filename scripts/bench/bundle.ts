import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes of the JavaScript and CSS a page makes the browser load, read from the build. */
export async function pageWeight(pageUrl: string, headers: Record<string, string> = {}): Promise<{ js: number; css: number }> {
	const html = await (await fetch(pageUrl, { headers })).text();
	const assets = new Set<string>();
	for (const match of html.matchAll(/(?:href|src)="([^"]+\.(?:js|css))"/g)) assets.add(match[1]!);
	for (const match of html.matchAll(/import\("([^"]+\.js)"\)/g)) assets.add(match[1]!);
	let js = 0;
	let css = 0;
	const seen = new Set<string>();
	const visit = (asset: string) => {
		const relative = asset.replace(/^(\.\.?\/)+/, '').replace(/^\//, '');
		const file = path.join('build/client', relative.startsWith('_app') ? relative : `_app/${relative}`);
		if (seen.has(file) || !existsSync(file)) return;
		seen.add(file);
		const bytes = readFileSync(file);
		const size = gzipSync(bytes, { level: 9 }).length;
		if (file.endsWith('.css')) css += size;
		else {
			js += size;
			// Follow static imports between chunks, which the page loads too.
			for (const match of bytes.toString().matchAll(/from\s*"\.\/([^"]+\.js)"/g)) visit(path.posix.join(path.posix.dirname(relative), match[1]!));
		}
	};
	for (const asset of assets) visit(asset);
	return { js, css };
}
