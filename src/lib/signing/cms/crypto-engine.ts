import { CryptoEngine } from 'pkijs';

// pkijs keeps a process-wide default engine that any other importer may replace; passing our own
// engine explicitly keeps signing and verification on plain WebCrypto whatever else is loaded.
export const webCrypto = new CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto });
