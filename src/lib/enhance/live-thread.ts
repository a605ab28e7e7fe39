/**
 * Live thread for pages served without SvelteKit's client (the office): new messages arrive as
 * Server-Sent Events and are added to the list the server rendered, as the server renders them.
 * The browser reconnects by itself and sends the last id it had, so nothing is missed or doubled.
 * Text goes in as text, never as markup.
 */
interface LiveMessage {
	id: number;
	kind: string;
	isMine: boolean;
	author: string;
	note: string | null;
	text: string;
	at: string;
	time: string;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

function render(list: HTMLElement, message: LiveMessage): HTMLElement {
	// The list's own classes carry the component's scoped style: copy them onto the new parts.
	const scope = [...list.classList].filter((name) => name.startsWith('svelte-')).join(' ');
	const item = element('li', `message message--${message.kind}${message.isMine ? ' message--mine' : ''} ${scope}`);
	item.id = `message-${message.id}`;
	const meta = element('p', `message__meta ${scope}`);
	const author = element('span', scope, message.author);
	if (message.note) {
		author.append(' · ');
		author.append(element('strong', scope, message.note));
	}
	const time = element('time', scope, message.time);
	time.dateTime = message.at;
	meta.append(author, time);
	item.append(meta, element('p', `message__text ${scope}`, message.text));
	return item;
}

function start(): void {
	const list = document.querySelector<HTMLElement>('[data-live-thread]');
	if (!list || typeof EventSource === 'undefined') return;
	const source = new EventSource(list.dataset.liveThread!);
	source.addEventListener('message', (event) => {
		const message = JSON.parse((event as MessageEvent<string>).data) as LiveMessage;
		if (document.getElementById(`message-${message.id}`)) return;
		list.append(render(list, message));
		list.closest('section')?.querySelector('.thread__empty')?.remove();
	});
	addEventListener('pagehide', () => source.close());
}

start();
