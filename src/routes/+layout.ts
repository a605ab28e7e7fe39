// Public pages are plain documents: they are served without client-side JavaScript, which keeps
// them fast on weak phones and identical with JavaScript off. Areas that need interactivity
// (forms with live validation, chat) turn it on with `export const csr = true` in their own layout.
export const csr = false;
