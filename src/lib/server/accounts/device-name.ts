/** A short, human name for a browser's User-Agent string: "Chrome, Windows". Unknown parts are left out. */
export function deviceName(userAgent: string | null): string | null {
	if (!userAgent) return null;
	const browser = [
		[/Edg\//, 'Edge'],
		[/OPR\/|Opera/, 'Opera'],
		[/YaBrowser\//, 'Yandex Browser'],
		[/Firefox\//, 'Firefox'],
		[/Chrome\/|Chromium\//, 'Chrome'],
		[/Safari\//, 'Safari']
	].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined;
	const system = [
		[/Android/, 'Android'],
		[/iPhone|iPad|iOS/, 'iOS'],
		[/Windows/, 'Windows'],
		[/Mac OS X|Macintosh/, 'macOS'],
		[/Linux/, 'Linux']
	].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined;
	const parts = [browser, system].filter(Boolean);
	return parts.length > 0 ? parts.join(', ') : null;
}
