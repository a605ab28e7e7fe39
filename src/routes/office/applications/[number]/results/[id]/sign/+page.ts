// Signing happens in the browser (NCALayer, or the demo's test signer); without a script the page
// still takes a signature file made with the signing app.
export const csr = true;
