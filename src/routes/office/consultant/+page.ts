// The queue is live with JavaScript; without it, the forms post and the page reloads.
export const csr = true;
