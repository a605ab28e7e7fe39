import type { FileStorage } from './storage.ts';

/** A stored file's bytes in memory: for the few files read whole, such as a document being signed. */
export async function readStored(storage: Pick<FileStorage, 'open'>, key: string): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of await storage.open(key)) chunks.push(chunk as Uint8Array);
	return new Uint8Array(Buffer.concat(chunks));
}
