/**
 * Tells the server which live messages the person has seen, so the envelope and the bell do not
 * count what was read on an open page. Only while the page is visible: a message that arrives in a
 * background tab counts as read when the tab is looked at again. Reports come one at a time and
 * only ever move forward.
 */
export function shownReporter(url: string, onReported?: () => void): (messageId: number) => void {
	let newest = 0;
	let reported = 0;
	let isSending = false;
	const send = async () => {
		if (isSending || newest <= reported || document.visibilityState !== 'visible') return;
		isSending = true;
		const upTo = newest;
		try {
			const response = await fetch(url, { method: 'POST', body: new URLSearchParams({ upTo: String(upTo) }), credentials: 'same-origin' });
			if (response.ok) {
				reported = upTo;
				onReported?.();
			}
		} catch {
			// Offline for a moment: the next message or the next visit marks it.
		} finally {
			isSending = false;
		}
		if (newest > reported && reported === upTo) void send();
	};
	document.addEventListener('visibilitychange', () => void send());
	return (messageId) => {
		newest = Math.max(newest, messageId);
		void send();
	};
}
