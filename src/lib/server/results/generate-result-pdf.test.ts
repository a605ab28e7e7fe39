import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../qr/qr-path.ts';
import { generateResultPdf } from './generate-result-pdf.ts';

const input = {
	title: 'Консультация бойынша жауап',
	labels: { application: 'Өтінім', applicant: 'Өтініш беруші', identifier: 'ЖСН/БСН', service: 'Қызмет', executor: 'Орындаушы', date: 'Күні' },
	number: '2065-15-11-26',
	provider: { name: 'Нарық мониторингі және сараптама орталығы', contacts: ['+7 727 000 00 00', 'info@example.kz'] },
	applicant: { name: 'Әбдірахманова Гүлнұр', identifier: '900115485128' },
	service: '«Электрондық статистикалық есептілікті ұсыну» бойынша кеңес беру',
	body: 'Бірінші тоқсанға 1-Т нысанын ұсыныңыз.\n\nҚосымша сұрақтарыңыз болса, хабарласыңыз. Бағасы: 0 ₸.\n\nӘ Ғ Қ Ң Ө Ұ Ү Һ І ә ғ қ ң ө ұ ү һ і',
	executor: 'Серікбаев Дәулет',
	issuedOn: '15.11.2026',
	issuedAt: new Date('2026-11-15T06:00:00Z')
};

describe('a generated result document', () => {
	it('is a PDF with its fonts embedded and every Kazakh letter drawn from them', async () => {
		const pdf = await generateResultPdf(input);
		const text = pdf.toString('latin1');
		expect(text.startsWith('%PDF-1.7')).toBe(true);
		expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
		// Both faces are embedded (as subsets), not referenced by name.
		expect(text.match(/\/FontFile2/g)?.length).toBe(2);
		expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
		expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
		// Text is mapped back to Unicode (ToUnicode maps, compressed), so it can be searched and copied:
		// each Kazakh letter used is there.
		const streams = [...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
			try {
				return inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
			} catch {
				return '';
			}
		});
		const mapped = streams
			.filter((stream) => stream.includes('beginbfrange') || stream.includes('beginbfchar'))
			.flatMap((stream) => [...stream.matchAll(/<([0-9a-f]{4,})>/gi)].map((match) => match[1]!.toLowerCase()));
		for (const letter of 'ӘҒҚҢӨҰҮҺІәғқңөұүһі₸«»') expect(mapped, letter).toContain(letter.codePointAt(0)!.toString(16).padStart(4, '0'));
		expect(pdf.length).toBeLessThan(200_000);
	});

	it('carries a QR code of its check page when it has one, drawn as vector squares', async () => {
		const url = 'https://services.example.kz/verify/3350fb44-16fe-4ed9-9846-175afad86b62';
		const contentOf = (pdf: Buffer) =>
			[...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
				.map((match) => {
					try {
						return inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
					} catch {
						return '';
					}
				})
				.join('\n');
		const squares = (content: string) => content.match(/\bh\b/g)?.length ?? 0;
		const modules = qrPath(url).d.split('M').length - 1;
		const plain = contentOf(await generateResultPdf(input));
		const withCode = contentOf(await generateResultPdf({ ...input, verification: { url, label: 'Құжатты тексеру:' } }));
		expect(squares(withCode) - squares(plain)).toBeGreaterThanOrEqual(modules);
	});
});
