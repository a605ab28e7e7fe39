import QRCode from 'qrcode';

export interface QrPath {
	/** Modules per side, the quiet zone included. */
	size: number;
	/** One SVG path of the dark modules in a `0 0 size size` view box. */
	d: string;
}

const QUIET_ZONE = 2;

/**
 * A QR code as one SVG path, so pages draw it with their own markup (no HTML strings) and PDFs can
 * draw it with the same path.
 */
export function qrPath(text: string): QrPath {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const parts: string[] = [];
	for (let y = 0; y < modules.size; y++) {
		for (let x = 0; x < modules.size; x++) {
			if (modules.get(x, y)) parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
		}
	}
	return { size: modules.size + QUIET_ZONE * 2, d: parts.join('') };
}
