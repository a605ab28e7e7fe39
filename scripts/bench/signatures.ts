/**
 * Server-side signature verification: how many detached CMS signatures of a 1 MB document (RSA-2048,
 * a chain of root, intermediate and signer carried in the CMS) one process verifies per second, one
 * after another and with several at once, beside the cost of the document's SHA-256 alone.
 */
import { performance } from 'node:perf_hooks';
import { signDetached } from '../../src/lib/signing/cms/sign-cms.ts';
import { sha256, toHex } from '../../src/lib/signing/cms/encoding.ts';
import { createTestCa, issueTestCertificate } from '../../src/lib/server/signatures/test-pki.ts';
import { verifyDetachedSignature } from '../../src/lib/server/signatures/verify-cms.ts';
import { checkRevocation } from '../../src/lib/server/signatures/check-revocation.ts';
import { startTestOcspResponder } from '../../src/lib/server/signatures/revocation/test-ocsp-responder.ts';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);

export async function benchSignatures(options: { documentBytes?: number; rounds?: number; concurrency?: number } = {}): Promise<void> {
	const size = options.documentBytes ?? 1024 * 1024;
	const rounds = options.rounds ?? 200;
	const concurrency = options.concurrency ?? 8;
	const root = await createTestCa({ algorithm: 'rsa', name: 'Bench root' });
	const intermediate = await createTestCa({ algorithm: 'rsa', name: 'Bench intermediate', issuer: root });
	const signer = await issueTestCertificate(intermediate, { iin: '900101300014', surname: 'BENCH', givenName: 'SIGNER', roles: ['individual'], purpose: 'signing', algorithm: 'rsa' });
	const content = new Uint8Array(size);
	for (let i = 0; i < size; i += 4096) content[i] = i % 251;
	const contentSha256 = toHex(await sha256(content));
	const cms = await signDetached({ content, certificate: signer.certificate, privateKey: signer.privateKey, chain: [intermediate.certificate] });
	const verify = () => verifyDetachedSignature({ cms, content, contentSha256, trustAnchors: [root.certificate], expectedSigner: { iin: '900101300014' }, now: new Date() });
	const first = await verify();
	if (!first.ok) throw new Error(`The bench's own signature was refused: ${first.code}`);

	const timeOf = async (work: () => Promise<unknown>) => {
		const started = performance.now();
		await work();
		return performance.now() - started;
	};
	const sequential = await timeOf(async () => {
		for (let i = 0; i < rounds; i++) await verify();
	});
	const parallel = await timeOf(async () => {
		let next = 0;
		await Promise.all(Array.from({ length: concurrency }, async () => {
			while (next++ < rounds) await verify();
		}));
	});
	// With the OCSP question a signature costs in production, asked of a local responder.
	const responder = await startTestOcspResponder(intermediate);
	const settings = { mode: 'required' as const, ocspUrl: responder.url, timeoutMs: 5000 };
	const withRevocation = await timeOf(async () => {
		for (let i = 0; i < rounds; i++) {
			const verified = await verify();
			if (!verified.ok || !(await checkRevocation(settings, verified, new Date())).ok) throw new Error('The bench signature failed its OCSP check');
		}
	});
	await responder.close();
	const hashing = await timeOf(async () => {
		for (let i = 0; i < rounds; i++) await sha256(content);
	});

	console.log(`\n### Signature verification (${fmt(size / 1024 / 1024, 0)} MB document, RSA-2048 signer, chain root → intermediate → signer, ${fmt(rounds)} verifications; ${(cms.length / 1024).toFixed(1)} KiB CMS)\n`);
	row(['how', 'verifications/s', 'ms each']);
	row(['---', '---:', '---:']);
	row(['one after another', fmt((1000 * rounds) / sequential, 0), fmt(sequential / rounds, 2)]);
	row([`${concurrency} at once`, fmt((1000 * rounds) / parallel, 0), fmt(parallel / rounds, 2)]);
	row(['one after another, with an OCSP check (local responder)', fmt((1000 * rounds) / withRevocation, 0), fmt(withRevocation / rounds, 2)]);
	row(["the document's SHA-256 alone", fmt((1000 * rounds) / hashing, 0), fmt(hashing / rounds, 2)]);
}
