// Server-side signature checks for documents signed through NCALayer. Building a CMS and reading
// certificates live in src/lib/signing/cms, since the browser's test signer uses them too.
export { verifyDetachedSignature } from './verify-cms.ts';
export type { ExpectedSigner, RefusalCode, SignerDetails, VerifyDetachedInput, VerifyFailure, VerifyResult, VerifySuccess } from './verify-cms.ts';
export { describeCertificate, parseCertificates, type CertificateDescription } from '../../signing/cms/certificate-info.ts';
export { loadTrustAnchors } from './trust-anchors.ts';
export { signDetached, type SignDetachedInput } from '../../signing/cms/sign-cms.ts';
export { SIGNER_ROLES, type SignerRole } from '../../signing/cms/oids.ts';
