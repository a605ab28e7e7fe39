// Server-side signature checks for documents signed through NCALayer. sign-cms.ts and test-pki.ts
// are kept browser-safe for a later test signer; trust-anchors.ts reads files and is server-only.
export { verifyDetachedSignature } from './verify-cms.ts';
export type { ExpectedSigner, RefusalCode, SignerDetails, VerifyDetachedInput, VerifyFailure, VerifyResult, VerifySuccess } from './verify-cms.ts';
export { describeCertificate, parseCertificates, type CertificateDescription } from './certificate-info.ts';
export { loadTrustAnchors } from './trust-anchors.ts';
export { signDetached, type SignDetachedInput } from './sign-cms.ts';
export { SIGNER_ROLES, type SignerRole } from './oids.ts';
