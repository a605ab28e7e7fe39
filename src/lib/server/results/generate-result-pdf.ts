import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { qrPath } from '../qr/qr-path.ts';

const require = createRequire(import.meta.url);
// Noto Sans, embedded in full: it has every letter of the Kazakh alphabet (Ә Ғ Қ Ң Ө Ұ Ү Һ І), the
// tenge sign and the typographic quotes the texts use; PDF's standard fonts have none of them.
const REGULAR = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
const BOLD = require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf');

export interface ResultPdfInput {
	/** The document's own title in the applicant's language, e.g. «Консультация бойынша жауап». */
	title: string;
	/** Labels in the same language as the title. */
	labels: { application: string; applicant: string; identifier: string; service: string; executor: string; date: string };
	number: string;
	provider: { name: string; contacts: string[] };
	applicant: { name: string; identifier: string };
	service: string;
	/** The executor's text: paragraphs separated by empty lines. */
	body: string;
	executor: string;
	/** Shown as written (already formatted for the language). */
	issuedOn: string;
	issuedAt: Date;
	/** Where anyone checks the document and its signatures: printed as a QR code and as text. */
	verification?: { url: string; label: string };
}

/** Side of the printed QR code, in points (about 2.5 cm: a phone reads it from a printed page). */
const QR_SIDE = 72;

/**
 * A result document made from the application's data: the provider's details, the application
 * number, the applicant, the service and the executor's text, on A4 with fonts embedded. Made with
 * PDFKit; the bytes are stored like an uploaded file and never regenerated.
 */
export function generateResultPdf(input: ResultPdfInput): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const doc = new PDFDocument({
			size: 'A4',
			margins: { top: 56, bottom: 56, left: 64, right: 64 },
			info: { Title: `${input.title} — ${input.number}`, Author: input.provider.name, Subject: input.service, CreationDate: input.issuedAt, ModDate: input.issuedAt },
			lang: 'kk',
			pdfVersion: '1.7',
			displayTitle: true
		});
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
		doc.registerFont('regular', REGULAR);
		doc.registerFont('bold', BOLD);

		doc.font('bold').fontSize(13).text(input.provider.name);
		doc.font('regular').fontSize(9).fillColor('#4a5563');
		for (const line of input.provider.contacts) doc.text(line);
		doc.moveDown(1.5).fillColor('#000000');

		doc.font('bold').fontSize(16).text(input.title, { align: 'center' });
		doc.font('regular').fontSize(10).text(`${input.labels.application} № ${input.number}`, { align: 'center' });
		doc.moveDown(1.2);

		const row = (label: string, value: string) => {
			doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value);
		};
		row(input.labels.applicant, input.applicant.name);
		row(input.labels.identifier, input.applicant.identifier);
		row(input.labels.service, input.service);
		row(input.labels.date, input.issuedOn);
		doc.moveDown(1);

		doc.font('regular').fontSize(11);
		for (const paragraph of input.body.split(/\n\s*\n/)) {
			doc.text(paragraph.trim(), { align: 'left', lineGap: 2 });
			doc.moveDown(0.6);
		}
		doc.moveDown(1.5);
		row(input.labels.executor, input.executor);
		if (input.verification) {
			doc.moveDown(1.5);
			const qr = qrPath(input.verification.url);
			const top = doc.y;
			doc.save().translate(doc.page.margins.left, top).scale(QR_SIDE / qr.size).path(qr.d).fill('#000000').restore();
			doc.font('regular').fontSize(9).text(`${input.verification.label}\n${input.verification.url}`, doc.page.margins.left + QR_SIDE + 12, top + 8, { width: doc.page.width - doc.page.margins.right - doc.page.margins.left - QR_SIDE - 12 });
		}
		doc.end();
	});
}
