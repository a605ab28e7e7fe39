/**
 * How a thread message is shown, on the server and in both live clients (SvelteKit's and the
 * office's small script): one message shape, and one rule for making links of its text.
 */

/** A message as the live thread sends it: everything already in the reader's language. */
export interface LiveMessage {
	id: number;
	kind: string;
	isMine: boolean;
	author: string;
	note: string | null;
	text: string;
	at: string;
	time: string;
	attachment: { name: string; href: string; size: string } | null;
}

export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

// Addresses people paste: with a scheme, or starting with www. Quotes and angle brackets end one.
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'"»)\]}]+$/;

/** The longest end of a match that belongs to the sentence, not the address: "(see https://a.kz/x)." */
function trimmed(candidate: string): string {
	let address = candidate.replace(TRAILING, '');
	// A closing bracket the address itself opened stays: https://kk.wikipedia.org/wiki/Алматы_(қала)
	const tail = candidate.slice(address.length);
	for (const char of tail) {
		const opener = char === ')' ? '(' : char === ']' ? '[' : null;
		if (!opener || address.split(opener).length - 1 <= address.split(char).length - 1) break;
		address += char;
	}
	return address;
}

/**
 * The text cut into plain parts and links. Only http and https addresses become links, so no
 * `javascript:` or `data:` address can ever be one; everything else stays text, shown as text.
 */
export function textParts(text: string): TextPart[] {
	const parts: TextPart[] = [];
	let last = 0;
	for (const match of text.matchAll(ADDRESS)) {
		const address = trimmed(match[0]);
		let href: string;
		try {
			const url = new URL(/^www\./i.test(address) ? `https://${address}` : address);
			if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
			href = url.href;
		} catch {
			continue;
		}
		if (match.index > last) parts.push({ text: text.slice(last, match.index) });
		parts.push({ text: address, href });
		last = match.index + address.length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	return parts;
}
