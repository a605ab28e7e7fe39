// The "sent" message opens as a modal dialog with JavaScript; without it, it shows in place.
export const csr = true;
