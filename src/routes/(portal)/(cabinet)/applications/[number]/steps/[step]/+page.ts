// Served without SvelteKit's client, as public pages are: the form is plain HTML that works as it is, and
// one small script (see +page.svelte) uploads files with a progress bar, opens its messages as modal
// dialogs, asks before unsaved input is lost and warns before the session times out.
export const csr = false;
