// The chat is live with JavaScript (messages, typing, the place in the queue); without it the forms post and the page reloads.
export const csr = true;
