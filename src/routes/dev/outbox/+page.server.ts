import { error } from '@sveltejs/kit';
import { getConfig } from '#lib/server/config.ts';
import { outboxFilePath } from '#lib/server/notifications/start-outbox-worker.ts';
import { readOutboxFile } from '#lib/server/notifications/transports/file-transport.ts';
import type { PageServerLoad } from './$types';

// Development and demo only: the messages that would have gone out by SMS and email, so codes can
// be read without a gateway. Production mode answers 404.
export const load: PageServerLoad = async ({ setHeaders }) => {
	const config = getConfig();
	if (config.APP_MODE === 'production') error(404, 'not_found');
	setHeaders({ 'Cache-Control': 'no-store' });
	return { messages: await readOutboxFile(outboxFilePath(config), 100) };
};
