// The form uploads files with a progress bar and opens its messages as modal dialogs; all of it also works without JavaScript.
export const csr = true;
