import { fileTypeFromFile } from 'file-type';
import type { DocumentType } from '#lib/applications/form-definition.ts';

/**
 * What a stored document really is, read from its first bytes (and, for DOCX/XLSX, the zip entries
 * that name the Office type). The applicant's file name and the browser's Content-Type are never
 * trusted: either can say `.pdf` for an executable or a web page. Macro-enabled Office files
 * (docm, xlsm) and plain zips are reported as other types, so they come back as null.
 */
export async function detectDocumentType(path: string): Promise<DocumentType | null> {
	const result = await fileTypeFromFile(path);
	switch (result?.ext) {
		case 'pdf':
			return 'pdf';
		case 'jpg':
			return 'jpeg';
		case 'png':
			return 'png';
		case 'docx':
			return 'docx';
		case 'xlsx':
			return 'xlsx';
		default:
			return null;
	}
}

/** The Content-Type a document is served with, from its detected type (never the uploader's claim). */
export const MEDIA_TYPES: Record<DocumentType, string> = {
	pdf: 'application/pdf',
	jpeg: 'image/jpeg',
	png: 'image/png',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** The extension a downloaded document is given, so it opens with the program matching its real type. */
export const EXTENSIONS: Record<DocumentType, string> = {
	pdf: 'pdf',
	jpeg: 'jpg',
	png: 'png',
	docx: 'docx',
	xlsx: 'xlsx'
};
