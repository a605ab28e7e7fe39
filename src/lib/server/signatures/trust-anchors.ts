import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Certificate } from 'pkijs';
import { parseCertificates } from '../../signing/cms/certificate-info.ts';

const CERTIFICATE_FILE = /\.(pem|crt|cer)$/i;

/**
 * Reads every certificate file in a directory. A broken file is an error naming it: silently skipping
 * it would turn a deployment mistake into "every signature is untrusted".
 */
export async function loadTrustAnchors(dir: string): Promise<Certificate[]> {
	const names = (await readdir(dir, { withFileTypes: true }))
		.filter((entry) => entry.isFile() && CERTIFICATE_FILE.test(entry.name))
		.map((entry) => entry.name)
		.sort();
	const anchors: Certificate[] = [];
	for (const name of names) {
		try {
			anchors.push(...parseCertificates(new Uint8Array(await readFile(join(dir, name)))));
		} catch (error) {
			throw new Error(`Trust anchor file ${name} is not a certificate: ${(error as Error).message}`, { cause: error });
		}
	}
	return anchors;
}
