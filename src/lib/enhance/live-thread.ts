/**
 * Live thread for pages served without SvelteKit's client (the office): new messages arrive as
 * Server-Sent Events and are added to the list the server rendered, as the server renders them.
 * The browser reconnects by itself and sends the last id it had, so nothing is missed or doubled.
 * Text goes in as text, never as markup; only http(s) addresses become links.
 */
import { textParts, type LiveMessage } from '../applications/thread-text.ts';
import { shownReporter } from './mark-shown.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

function render(message: LiveMessage): HTMLElement {
	// The message styles are global (app.css): the parts need only their class names.
	const item = element('li', `message message--${message.kind}${message.isMine ? ' message--mine' : ''}`);
	item.id = `message-${message.id}`;
	const meta = element('p', 'message__meta');
	const author = element('span', '', message.author);
	if (message.note) {
		author.append(' · ');
		author.append(element('strong', '', message.note));
	}
	const time = element('time', '', message.time);
	time.dateTime = message.at;
	meta.append(author, time);
	item.append(meta);
	if (message.text) {
		const text = element('p', 'message__text');
		for (const part of textParts(message.text)) {
			if (!part.href) {
				text.append(part.text);
				continue;
			}
			const link = element('a', '', part.text);
			link.href = part.href;
			link.rel = 'noopener noreferrer nofollow ugc';
			text.append(link);
		}
		item.append(text);
	}
	if (message.attachment) {
		const file = element('p', 'message__file');
		const link = element('a', '', message.attachment.name);
		link.href = message.attachment.href;
		link.download = '';
		file.append(link, ' ', element('span', 'muted', `(${message.attachment.size})`));
		item.append(file);
	}
	return item;
}

function start(): void {
	const list = document.querySelector<HTMLElement>('[data-live-thread]');
	if (!list || typeof EventSource === 'undefined') return;
	const source = new EventSource(list.dataset.liveThread!);
	const report = list.dataset.markShown ? shownReporter(list.dataset.markShown) : null;
	source.addEventListener('message', (event) => {
		const message = JSON.parse((event as MessageEvent<string>).data) as LiveMessage;
		if (document.getElementById(`message-${message.id}`)) return;
		list.append(render(message));
		report?.(message.id);
		list.closest('section')?.querySelector('.thread__empty')?.remove();
	});
	addEventListener('pagehide', () => source.close());
}

start();
