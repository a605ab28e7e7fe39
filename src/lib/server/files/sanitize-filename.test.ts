import { describe, expect, it } from 'vitest';
import { contentDispositionAttachment, safeDisplayName } from './sanitize-filename.ts';

/** The `filename*` value decoded, as a browser would. */
function extendedName(header: string): string {
	const encoded = /filename\*=UTF-8''([^;\s]+)$/.exec(header)?.[1];
	if (!encoded) throw new Error(`no filename* in ${header}`);
	return decodeURIComponent(encoded);
}

function asciiName(header: string): string {
	const name = /filename="([^"]*)"/.exec(header)?.[1];
	if (name === undefined) throw new Error(`no filename in ${header}`);
	return name;
}

/** Header-safe: printable ASCII only, exactly two parameters, one quoted string. */
function expectWellFormed(header: string) {
	expect(header).toMatch(/^[\x20-\x7e]+$/);
	expect(header).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
}

describe('safeDisplayName', () => {
	it('keeps only the base name, without control or direction-changing characters', () => {
		expect(safeDisplayName('../../etc/passwd')).toBe('passwd');
		expect(safeDisplayName('C:\\Users\\Әсем\\Өтінім.pdf')).toBe('Өтінім.pdf');
		expect(safeDisplayName('report\r\nSet-Cookie: x.pdf')).toBe('reportSet-Cookie: x.pdf');
		expect(safeDisplayName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
		expect(safeDisplayName('  ..  ')).toBe('');
		expect(safeDisplayName('\u0000')).toBe('');
	});

	it('drops half a surrogate pair and zero-width marks, so the download header can still be built', () => {
		expect(safeDisplayName('жоспар\ud83d\u200B\uFEFF.docx')).toBe('жоспар.docx');
		expect(extendedName(contentDispositionAttachment('жоспар\udc00.docx', 'docx'))).toBe('жоспар.docx');
	});

	it('caps long names at 200 characters and keeps the extension', () => {
		const name = safeDisplayName(`${'қ'.repeat(500)}.docx`);
		expect(Array.from(name)).toHaveLength(200);
		expect(name.endsWith('қ.docx')).toBe(true);
	});

	it('normalises to NFC so the same name typed on different systems compares equal', () => {
		expect(safeDisplayName('Й.pdf'.normalize('NFD'))).toBe('Й.pdf');
	});
});

describe('contentDispositionAttachment', () => {
	it('keeps a Kazakh name exactly in filename* and gives old clients an ASCII stand-in', () => {
		const header = contentDispositionAttachment('Қаржылық есеп 2025.pdf', 'pdf');
		expectWellFormed(header);
		expect(extendedName(header)).toBe('Қаржылық есеп 2025.pdf');
		expect(asciiName(header)).toBe('_ _ 2025.pdf');
		expect(asciiName(contentDispositionAttachment('Өтінім.pdf', 'pdf'))).toBe('document.pdf');
	});

	it('cannot be used to escape the header or name a path', () => {
		for (const hostile of ['../../etc/passwd', '"; evil=1', 'a"\r\nSet-Cookie: sid=1', 'x\\"y.pdf', '%2e%2e%2fpasswd', "it's (1) *.pdf", '\u0000', '']) {
			const header = contentDispositionAttachment(hostile, 'pdf');
			expectWellFormed(header);
			expect(extendedName(header)).not.toMatch(/[/\\"\r\n\0]/);
			expect(extendedName(header).endsWith('.pdf')).toBe(true);
		}
		expect(extendedName(contentDispositionAttachment('../../etc/passwd', 'pdf'))).toBe('passwd.pdf');
		expect(asciiName(contentDispositionAttachment('"; evil=1', 'pdf'))).toBe('_ evil=1.pdf');
		expect(extendedName(contentDispositionAttachment('a"\r\nSet-Cookie: sid=1', 'pdf'))).toBe('aSet-Cookie: sid=1.pdf');
		expect(asciiName(contentDispositionAttachment('', 'pdf'))).toBe('document.pdf');
	});

	it('forces the extension of the detected type', () => {
		expect(extendedName(contentDispositionAttachment('scan.html', 'pdf'))).toBe('scan.html.pdf');
		expect(extendedName(contentDispositionAttachment('Scan.PDF', 'pdf'))).toBe('Scan.PDF');
		expect(extendedName(contentDispositionAttachment('photo.jpeg', 'jpg'))).toBe('photo.jpeg');
		expect(extendedName(contentDispositionAttachment('.pdf', 'pdf'))).toBe('document.pdf');
	});
});
