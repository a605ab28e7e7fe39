// The package registry these machines use does not serve the macOS, Windows and ARM builds of
// @lix-js/sdk (an optional, platform-specific dependency of Paraglide). npm then leaves them out
// of package-lock.json, and `npm ci` refuses a lock file that misses optional dependencies.
// This records them the way npm would (platform-restricted, so they are never installed here).
// Run after `npm install` if it drops them again: node scripts/lock-platform-stubs.js
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const base = lock.packages['node_modules/@lix-js/sdk'];
const platforms = { 'darwin-arm64': ['darwin', 'arm64'], 'linux-arm64': ['linux', 'arm64'], 'linux-x64': ['linux', 'x64'], 'win32-x64': ['win32', 'x64'] };
for (const [suffix, [os, cpu]] of Object.entries(platforms)) {
	const key = `node_modules/@lix-js/sdk-${suffix}`;
	if (lock.packages[key]) continue;
	lock.packages[key] = { version: base.version, cpu: [cpu], dev: true, optional: true, os: [os] };
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
