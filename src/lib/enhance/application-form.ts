/**
 * The application form's script. The step page ships without SvelteKit's client (`csr = false`):
 * it is plain server-rendered HTML that works as it is, and this script adds what JavaScript makes
 * better, reading its texts from the page (rendered in the visitor's language), so no message
 * catalogue and no framework travel with it:
 * - a message box the server rendered open becomes modal, holding focus until «OK»;
 * - a chosen file uploads at once with a progress bar; then the parts of the page that show files
 *   (its document, the package, the steps) are rendered again from the server, and nothing typed
 *   is touched;
 * - leaving the step with unsaved input asks first;
 * - two minutes before an idle session ends, a warning offers to stay signed in or to save.
 */

const WARN_BEFORE_MS = 2 * 60 * 1000;

const form = document.getElementById('application-form') as HTMLFormElement | null;

for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) {
	dialog.close();
	dialog.showModal();
}

if (form) {
	showEnhancedTexts(document);
	guardUnsavedInput(form);
	form.addEventListener('change', (event) => {
		const input = event.target as HTMLInputElement;
		const group = input.type === 'file' ? input.closest<HTMLElement>('[data-document]') : null;
		if (group) void uploadChosenFiles(input, group);
	});
}

const warning = document.querySelector<HTMLDialogElement>('dialog[data-idle-seconds]');
if (warning) warnBeforeTimeout(warning);

/** Notes that say what happens with JavaScript («a file uploads as soon as you choose it»). */
function showEnhancedTexts(root: ParentNode) {
	for (const note of root.querySelectorAll<HTMLElement>('[data-enhanced-text]')) note.textContent = note.dataset.enhancedText ?? '';
}

/** Typed but not saved: another step, another page or closing the tab asks first; saving does not. */
function guardUnsavedInput(form: HTMLFormElement) {
	const question = form.dataset.unsavedQuestion ?? '';
	let hasUnsavedInput = false;
	let isLeaving = false;
	const mayLeave = (event: Event) => {
		if (!hasUnsavedInput || isLeaving) return;
		if (confirm(question)) isLeaving = true;
		else event.preventDefault();
	};
	form.addEventListener('input', (event) => {
		// Choosing a file uploads it; that is not input to lose.
		if ((event.target as HTMLInputElement).type !== 'file') hasUnsavedInput = true;
	});
	document.addEventListener('submit', (event) => {
		const submitted = event.target as HTMLFormElement;
		if (submitted === form) hasUnsavedInput = false;
		else if (submitted.method !== 'dialog') mayLeave(event);
	});
	document.addEventListener('click', (event) => {
		if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
		const link = (event.target as Element).closest?.<HTMLAnchorElement>('a[href]');
		if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self')) return;
		const url = new URL(link.href);
		// Telephone and mail links open another application; a place on this page is no leaving.
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
		if (url.origin === location.origin && url.pathname === location.pathname && url.search === location.search && url.hash) return;
		mayLeave(event);
	});
	addEventListener('beforeunload', (event) => {
		if (hasUnsavedInput && !isLeaving) event.preventDefault();
	});
}

interface Answer {
	problem?: string;
	redirect?: string;
}

/** Each chosen file goes to the step's upload action on its own, with the progress shown. */
async function uploadChosenFiles(input: HTMLInputElement, group: HTMLElement) {
	const files = [...(input.files ?? [])];
	if (files.length === 0) return;
	const key = group.dataset.document!;
	const failed = group.dataset.uploadFailed ?? '';
	const replacesId = group.querySelector<HTMLInputElement>('input[type="hidden"][name^="replace:"]')?.value;
	const progress = document.createElement('progress');
	progress.max = 100;
	progress.setAttribute('aria-label', input.dataset.uploadingLabel ?? '');
	input.after(progress);
	let problem = '';
	let uploaded = '';
	for (const file of files) {
		showProgress(progress, 0);
		const answer = await upload(key, file, replacesId, failed, (share) => showProgress(progress, share));
		if (answer.redirect) {
			// The session ended: sign in again (the saved steps are kept).
			location.href = answer.redirect;
			return;
		}
		if (answer.problem) {
			problem = answer.problem;
			break;
		}
		uploaded = file.name;
	}
	progress.remove();
	input.value = '';
	const current = (await refreshAfterUpload(group)) ?? group;
	if (problem) showProblem(current, problem);
	const live = current.querySelector('[aria-live]');
	if (live && uploaded) live.textContent = (group.dataset.uploadedText ?? '').replace('{name}', uploaded);
}

function showProgress(progress: HTMLProgressElement, share: number) {
	progress.value = share;
	progress.textContent = `${share}%`;
}

function upload(key: string, file: File, replacesId: string | undefined, failed: string, onProgress: (share: number) => void): Promise<Answer> {
	return new Promise((resolve) => {
		const body = new FormData();
		body.append('requirement', key);
		if (replacesId) body.append(`replace:${key}`, replacesId);
		body.append(`file:${key}`, file);
		const request = new XMLHttpRequest();
		request.open('POST', '?/upload');
		// SvelteKit answers an action asked for this way with its result as JSON instead of a page.
		request.setRequestHeader('x-sveltekit-action', 'true');
		request.upload.onprogress = (event) => {
			if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
		};
		request.onload = () => resolve(answerOf(request.responseText, failed));
		request.onerror = () => resolve({ problem: failed });
		request.send(body);
	});
}

/**
 * The action's result: `{ type, location }` or `{ type, data }`, where data is serialised by devalue
 * (a flat array whose first item is the object, its values given as indexes into the array). Only
 * the `uploadError` text is read; anything else, such as a proxy's error page, is a failed upload.
 */
function answerOf(text: string, failed: string): Answer {
	try {
		const result = JSON.parse(text) as { type?: string; location?: string; data?: string };
		if (result.type === 'success') return {};
		if (result.type === 'redirect' && result.location) return { redirect: result.location };
		if (result.type === 'failure' && result.data) {
			const values = JSON.parse(result.data) as unknown[];
			const index = (values[0] as { uploadError?: unknown } | undefined)?.uploadError;
			const uploadError = typeof index === 'number' ? values[index] : undefined;
			if (typeof uploadError === 'string') return { problem: uploadError };
		}
	} catch {
		// Not the action's answer: the upload did not happen.
	}
	return { problem: failed };
}

/**
 * Renders the document's group, the package and the steps again from the server (the page itself,
 * fetched), keeping the focus and the group's live region, so an upload shows as a saved form would.
 * Fields are never replaced: what was typed stays. Returns the group now in the page.
 */
async function refreshAfterUpload(group: HTMLElement): Promise<HTMLElement | undefined> {
	const response = await fetch(location.href, { headers: { accept: 'text/html' } }).catch(() => undefined);
	if (!response?.ok) return;
	if (response.redirected && new URL(response.url).pathname !== location.pathname) {
		location.href = response.url;
		return;
	}
	const page = new DOMParser().parseFromString(await response.text(), 'text/html');
	const fresh = page.getElementById(group.id);
	if (!fresh) return;
	const focusedId = document.activeElement?.id;
	const live = group.querySelector('[aria-live]');
	if (live) fresh.querySelector('[aria-live]')?.replaceWith(live);
	showEnhancedTexts(fresh);
	group.replaceWith(fresh);
	for (const region of document.querySelectorAll<HTMLElement>('[data-refresh]')) {
		const replacement = page.querySelector(`[data-refresh="${region.dataset.refresh}"]`);
		if (replacement) region.replaceChildren(...replacement.childNodes);
	}
	// A problem of this document listed at the top of the form is gone once the document has no error.
	if (!fresh.querySelector('.field-error')) {
		const summary = document.querySelector('.error-summary');
		summary?.querySelector(`a[href="#${group.id.replace(/-group$/, '')}"]`)?.closest('li')?.remove();
		if (summary && !summary.querySelector('li')) summary.remove();
	}
	if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
	return fresh;
}

/** A refused file: its reason above the file input, tied to it, as the server renders a refused Save. */
function showProblem(group: HTMLElement, text: string) {
	const input = group.querySelector<HTMLInputElement>('input[type="file"]');
	if (!input) return;
	const id = `${input.id}-error`;
	let note = document.getElementById(id);
	if (!note) {
		note = document.createElement('p');
		note.className = 'field-error';
		note.id = id;
		(group.querySelector('label.file-label') ?? input).before(note);
	}
	note.textContent = text;
	group.classList.add('field--error');
	input.setAttribute('aria-invalid', 'true');
	const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
	if (!describedBy.includes(id)) input.setAttribute('aria-describedby', [...describedBy, id].join(' '));
}

/** The idle-timeout warning: «Stay signed in» touches the session, «Save now» saves the step. */
function warnBeforeTimeout(dialog: HTMLDialogElement) {
	const idleMs = Number(dialog.dataset.idleSeconds) * 1000;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(() => dialog.showModal(), Math.max(10_000, idleMs - WARN_BEFORE_MS));
	};
	dialog.querySelector('[data-stay]')?.addEventListener('click', async () => {
		dialog.close();
		await fetch(dialog.dataset.keepAlive ?? '', { method: 'POST', headers: { accept: 'application/json' } }).catch(() => undefined);
		schedule();
	});
	dialog.querySelector('[data-save-now]')?.addEventListener('click', () => {
		dialog.close();
		(document.getElementById(dialog.dataset.form ?? '') as HTMLFormElement | null)?.requestSubmit();
	});
	schedule();
}
