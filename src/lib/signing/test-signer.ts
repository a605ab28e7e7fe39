import { fromBase64 } from './cms/encoding.ts';
import type { DocumentSigner, SignInput, SignOutcome } from './signer.ts';

/**
 * The demo's software signer: the portal's test CA issues a key and a certificate for the signed-in
 * person (`certificateUrl`, outside production only) and the CMS is made here, in the browser, as
 * NCALayer would make it, so that the whole signing flow runs without the signing app.
 */
export function createTestSigner(options: { certificateUrl: string; fetchImpl?: typeof fetch }): DocumentSigner {
	const fetchImpl = options.fetchImpl ?? fetch;
	return {
		id: 'test',
		async sign(input: SignInput): Promise<SignOutcome> {
			const response = await fetchImpl(options.certificateUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: '',
				credentials: 'same-origin',
				signal: input.signal
			}).catch(() => null);
			if (!response?.ok) return { kind: 'failed', code: 'client.test_certificate', message: `The test certificate was not issued (${response?.status ?? 'no answer'})` };
			const issued = (await response.json()) as { certificate: string; privateKey: string };
			const pkcs8 = fromBase64(issued.privateKey);
			if (!pkcs8) return { kind: 'failed', code: 'client.test_certificate', message: 'The test key could not be read' };
			const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8.slice().buffer, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
			// pkijs is large: loaded only when someone signs with the test signer.
			const { signDetached } = await import('./cms/sign-cms.ts');
			return { kind: 'signed', cms: await signDetached({ content: input.data, certificate: issued.certificate, privateKey }) };
		}
	};
}
