import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import zlib from 'node:zlib';

/**
 * Tests only: ZIP files built in memory, honest or lying about their sizes, so the office-file
 * checks can be tried on real archives (a DOCX is a ZIP) without shipping binary samples.
 */

export interface ZipEntryFixture {
	name: string;
	/** 0 stored, 8 deflated. */
	method: 0 | 8;
	/** The bytes written to the archive (already deflated for method 8). */
	data: Buffer;
	crc: number;
	/** What the headers say the entry unpacks to: the truth, or a lie. */
	declaredSize: number;
	/** General purpose flags (bit 0: encrypted). */
	flags?: number;
}

export function storedEntry(name: string, content: string | Buffer): ZipEntryFixture {
	const data = Buffer.from(content);
	return { name, method: 0, data, crc: zlib.crc32(data), declaredSize: data.length };
}

export function deflatedEntry(name: string, content: string | Buffer): ZipEntryFixture {
	const data = Buffer.from(content);
	return { name, method: 8, data: zlib.deflateRawSync(data), crc: zlib.crc32(data), declaredSize: data.length };
}

/** An entry of `size` zero bytes, deflated a megabyte at a time so the zeros never sit in memory at once. */
export async function deflatedZerosEntry(name: string, size: number): Promise<ZipEntryFixture> {
	const chunk = Buffer.alloc(1024 * 1024);
	let crc = 0;
	function* chunks() {
		for (let left = size; left > 0; left -= chunk.length) {
			const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
			crc = zlib.crc32(part, crc);
			yield part;
		}
	}
	const data = await buffer(Readable.from(chunks()).pipe(zlib.createDeflateRaw({ level: 9 })));
	return { name, method: 8, data, crc, declaredSize: size };
}

/** A ZIP with the given entries, in order, local headers and central directory agreeing. */
export function buildZip(entries: ZipEntryFixture[]): Buffer {
	const parts: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const flags = 0x0800 | (entry.flags ?? 0);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(flags, 6);
		local.writeUInt16LE(entry.method, 8);
		local.writeUInt16LE(0x21, 12); // 1980-01-01
		local.writeUInt32LE(entry.crc, 14);
		local.writeUInt32LE(entry.data.length, 18);
		local.writeUInt32LE(entry.declaredSize, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(flags, 8);
		central.writeUInt16LE(entry.method, 10);
		central.writeUInt16LE(0x21, 14);
		central.writeUInt32LE(entry.crc, 16);
		central.writeUInt32LE(entry.data.length, 20);
		central.writeUInt32LE(entry.declaredSize, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		parts.push(local, name, entry.data);
		centrals.push(central, name);
		offset += local.length + name.length + entry.data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...parts, directory, end]);
}

const CONTENT_TYPES = {
	docx: ['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
	xlsx: ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml']
} as const;

/** The parts that make an archive a DOCX or an XLSX to a type detector, followed by `body` entries. */
export function officeZip(kind: 'docx' | 'xlsx', body: ZipEntryFixture[]): Buffer {
	const [partName, contentType] = CONTENT_TYPES[kind];
	const types =
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
		'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		`<Override PartName="${partName}" ContentType="${contentType}"/>` +
		'</Types>';
	const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
	return buildZip([deflatedEntry('[Content_Types].xml', types), deflatedEntry('_rels/.rels', rels), ...body]);
}
