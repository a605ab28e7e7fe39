/** Replaces every occurrence of a credential in a text (an error message) with ***. */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) if (secret) out = out.split(secret).join('***');
	return out;
}
