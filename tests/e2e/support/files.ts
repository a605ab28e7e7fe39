/** Small files for upload journeys, built in memory: real magic bytes, or deliberately wrong ones. */
export interface UploadFile {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

export const pdfFile = (name = 'document.pdf'): UploadFile => ({
	name,
	mimeType: 'application/pdf',
	buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
});

export const pngFile = (name = 'scan.png'): UploadFile => ({
	name,
	mimeType: 'image/png',
	buffer: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)])
});

/** A web page dressed up as a PDF by its name and Content-Type: its bytes give it away. */
export const disguisedHtml = (name = 'statement.pdf'): UploadFile => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });

/** A real PDF header followed by padding, one byte over `limit`. */
export const oversizePdf = (limit: number, name = 'huge.pdf'): UploadFile => {
	const head = pdfFile().buffer;
	return { name, mimeType: 'application/pdf', buffer: Buffer.concat([head, Buffer.alloc(limit + 1 - head.length, 0x20)]) };
};
