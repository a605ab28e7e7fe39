import type { IncomingMessage } from 'node:http';
import { error } from '@sveltejs/kit';
import { getConfig } from '#lib/server/config.ts';
import { isLocalRequest } from '#lib/server/loopback.ts';
import { outboxFilePath } from '#lib/server/notifications/start-outbox-worker.ts';
import { readOutboxFile } from '#lib/server/notifications/transports/file-transport.ts';
import type { PageServerLoad } from './$types';

// Development and demo only: the messages that would have gone out by SMS and email, so codes can
// be read without a gateway. Every code and reset link is here, so it answers only requests from
// this machine (the socket and, behind a trusted proxy header, the forwarded client both loopback);
// production mode and everyone else get 404.
export const load: PageServerLoad = async ({ setHeaders, platform, getClientAddress }) => {
	const config = getConfig();
	if (config.APP_MODE === 'production') error(404, 'not_found');
	// adapter-node hands over the Node request; `vite dev` has none, and there the client address is the socket's.
	const request = (platform as { req?: IncomingMessage } | undefined)?.req;
	const socketAddress = request ? request.socket.remoteAddress : safely(getClientAddress);
	if (!isLocalRequest(socketAddress, getClientAddress)) error(404, 'not_found');
	setHeaders({ 'Cache-Control': 'no-store' });
	return { messages: await readOutboxFile(outboxFilePath(config), 100) };
};

function safely(read: () => string): string | undefined {
	try {
		return read();
	} catch {
		return undefined;
	}
}
