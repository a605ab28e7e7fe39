import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDocumentType, EXTENSIONS, MEDIA_TYPES } from './detect-file-type.ts';

/** A minimal zip (stored entries, no compression): enough structure for a real zip reader. */
function zip(entries: Record<string, string>): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of Object.entries(entries)) {
		const nameBytes = Buffer.from(name, 'utf8');
		const data = Buffer.from(content, 'utf8');
		const crc = zlib.crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(0, 8); // stored
		local.writeUInt16LE(0, 10); // time
		local.writeUInt16LE(0x21, 12); // 1980-01-01
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		local.writeUInt16LE(0, 28);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(0, 10);
		central.writeUInt16LE(0, 12);
		central.writeUInt16LE(0x21, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		centrals.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Object.keys(entries).length, 8);
	end.writeUInt16LE(Object.keys(entries).length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

function contentTypes(partName: string, contentType: string): string {
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
		'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		`<Override PartName="${partName}" ContentType="${contentType}"/>` +
		'</Types>'
	);
}

const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(zlib.crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

function png(): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(1, 0); // width
	header.writeUInt32BE(1, 4); // height
	header.writeUInt8(8, 8); // bit depth
	header.writeUInt8(2, 9); // RGB
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 255, 255]))),
		pngChunk('IEND', Buffer.alloc(0))
	]);
}

const SAMPLES: Record<string, Buffer | string> = {
	'minimal.pdf': '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
	'pixel.png': png(),
	'photo.jpg': Buffer.concat([
		Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
		Buffer.from('JFIF\0', 'ascii'),
		Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
		Buffer.alloc(64),
		Buffer.from([0xff, 0xd9])
	]),
	'letter.docx': zip({
		'[Content_Types].xml': contentTypes('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
		'_rels/.rels': RELS,
		'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
	}),
	'budget.xlsx': zip({
		'[Content_Types].xml': contentTypes('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
		'_rels/.rels': RELS,
		'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'
	}),
	// Hostile or unsupported files under document names: only the bytes count.
	'setup-renamed.pdf': Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(200)]),
	'page-renamed.pdf': '<!DOCTYPE html><html><head><script>alert(1)</script></head><body></body></html>',
	'archive-renamed.docx': zip({ 'readme.txt': 'not an office document', 'word/readme.txt': 'a folder name alone proves nothing' }),
	'macros-renamed.docx': zip({
		'[Content_Types].xml': contentTypes('/word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'),
		'word/document.xml': '<w:document/>'
	}),
	'empty.pdf': ''
};

describe('detectDocumentType', () => {
	let directory: string;

	beforeAll(async () => {
		directory = await fs.mkdtemp(path.join(os.tmpdir(), 'detect-file-type-'));
		for (const [name, content] of Object.entries(SAMPLES)) await fs.writeFile(path.join(directory, name), content);
	});

	afterAll(async () => {
		await fs.rm(directory, { recursive: true, force: true });
	});

	it.each([
		['minimal.pdf', 'pdf'],
		['pixel.png', 'png'],
		['photo.jpg', 'jpeg'],
		['letter.docx', 'docx'],
		['budget.xlsx', 'xlsx']
	])('recognises %s as %s from its bytes', async (name, expected) => {
		expect(await detectDocumentType(path.join(directory, name))).toBe(expected);
	});

	it.each(['setup-renamed.pdf', 'page-renamed.pdf', 'archive-renamed.docx', 'macros-renamed.docx', 'empty.pdf'])('refuses %s whatever its name says', async (name) => {
		expect(await detectDocumentType(path.join(directory, name))).toBeNull();
	});

	it('has a media type and an extension for every document type', () => {
		expect(MEDIA_TYPES.docx).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(EXTENSIONS.jpeg).toBe('jpg');
		expect(Object.keys(MEDIA_TYPES).sort()).toEqual(Object.keys(EXTENSIONS).sort());
	});
});
