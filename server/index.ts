/**
 * Production entry: a Node HTTP server that answers cached anonymous page views itself and hands
 * everything else to SvelteKit's handler. Run `npm run build` first.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import { ConfigError, connectionsPerAddressLimit, parseConfig, type AppConfig } from '../src/lib/server/config.ts';
import { route } from '../src/lib/route.ts';
import { isLoopbackHost } from '../src/lib/server/loopback.ts';
import { contentVersionState } from '../src/lib/server/render-cache-bridge.ts';
import { guardRequestBody, limitConnectionsPerAddress } from './http-limits.ts';
import { RenderCache, type NodeHandler } from './render-cache.ts';
import { superviseWorkers } from './workers.ts';

let config: AppConfig;
try {
	config = parseConfig(process.env);
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}

if (config.WEB_CONCURRENCY > 1 && cluster.isPrimary) superviseWorkers(config.WEB_CONCURRENCY);
else await startServer(config);

async function startServer(config: AppConfig): Promise<void> {
	// SvelteKit's Node handler builds each request's URL from PROTOCOL_HEADER and HOST_HEADER (adapter-node
	// reads no ORIGIN at run time, and assumes https without them). This server sets both marks itself on
	// every request, overwriting anything a client sent: from ORIGIN when it names the public URL (behind
	// a TLS proxy the request arrives over http with the proxy's Host), otherwise plain http and the
	// request's own Host. The URL then matches what the browser sees, so the CSRF origin check passes
	// for the portal's own forms and cookies are Secure exactly when the public URL is https.
	const PROTOCOL_MARK = 'x-atameken-protocol';
	const HOST_MARK = 'x-atameken-host';
	const publicOrigin = config.ORIGIN ? new URL(config.ORIGIN) : null;
	const publicProtocol = publicOrigin ? publicOrigin.protocol.slice(0, -1) : 'http';
	process.env.PROTOCOL_HEADER = PROTOCOL_MARK;
	if (publicOrigin) process.env.HOST_HEADER = HOST_MARK;
	if (config.TRUSTED_PROXY_HEADER) process.env.ADDRESS_HEADER = config.TRUSTED_PROXY_HEADER;

	// Bodies: an application step (or the office's result upload) may carry up to MAX_FILES_PER_POST files of the largest size allowed,
	// streamed to disk. Every other form is small and is read into memory, so it gets a small limit here.
	const MAX_FILES_PER_POST = 10;
	const SMALL_BODY_BYTES = 1024 * 1024;
	process.env.BODY_SIZE_LIMIT ??= String(config.UPLOAD_MAX_BYTES * MAX_FILES_PER_POST + SMALL_BODY_BYTES);

	// Importing the handler runs the app's start-up: database connection, migrations, demo data.
	let handler: NodeHandler;
	try {
		// A computed specifier: the build output does not exist when the project is type-checked.
		const handlerModule = '../build/handler.js';
		({ handler } = (await import(handlerModule)) as { handler: NodeHandler });
	} catch (error) {
		console.error('The portal could not start:', error instanceof Error ? error.message : error);
		if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') console.error('Run `npm run build` first.');
		process.exit(1);
	}

	// The bundled app publishes the content version on the same process-wide object.
	const contentVersion = contentVersionState();
	const cache = new RenderCache({
		maxEntries: config.RENDER_CACHE_ENTRIES,
		maxBytes: 64 * 1024 * 1024,
		currentVersion: () => contentVersion.version
	});
	const serve = cache.wrap(handler);

	// Slow clients (slowloris): the headers must arrive within HTTP_HEADERS_TIMEOUT_MS; a body within
	// HTTP_REQUEST_TIMEOUT_MS of the request's start (HTTP_UPLOAD_TIMEOUT_MS on the upload path), and
	// one that stops arriving for HTTP_BODY_IDLE_TIMEOUT_MS is cut off. Node's own requestTimeout is
	// the longest of these, a backstop for everything; its check runs every second instead of every 30.
	const server = http.createServer(
		{
			headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
			requestTimeout: config.HTTP_UPLOAD_TIMEOUT_MS,
			connectionsCheckingInterval: Math.min(1_000, Math.ceil(config.HTTP_HEADERS_TIMEOUT_MS / 4))
		},
		(req, res) => {
			req.headers[PROTOCOL_MARK] = publicProtocol;
			if (publicOrigin) req.headers[HOST_MARK] = publicOrigin.host;
			const isUpload = route.isUploadPath((req.url ?? '/').split('?')[0]!);
			guardRequestBody(req, res, { totalMs: isUpload ? config.HTTP_UPLOAD_TIMEOUT_MS : config.HTTP_REQUEST_TIMEOUT_MS, idleMs: config.HTTP_BODY_IDLE_TIMEOUT_MS });
			if (!isUpload) {
				// A body sent in chunks has no length to check; browsers always state it for forms.
				if (req.headers['transfer-encoding'] && req.headers['content-length'] === undefined) {
					res.writeHead(411, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('Length required');
					return;
				}
				if (Number(req.headers['content-length'] ?? 0) > SMALL_BODY_BYTES) {
					res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('Request body too large');
					return;
				}
			}
			serve(req, res);
		}
	);
	server.keepAliveTimeout = 65_000;
	// Counted per socket address: behind a proxy that is the proxy's, so the proxy must cap per client.
	limitConnectionsPerAddress(server, connectionsPerAddressLimit(config));

	server.listen(config.PORT, config.HOST, () => {
		const shown = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
		console.log(`Atameken Services is listening on http://${shown}:${config.PORT} (${config.DATABASE_URL ? 'PostgreSQL' : `embedded database in ${config.DATA_DIR}`}, ${config.APP_MODE} mode)`);
		if (config.APP_MODE !== 'production' && !isLoopbackHost(config.HOST)) {
			const demoStaff = config.APP_MODE === 'demo' ? ' The demo staff passwords printed above sign in from anywhere.' : '';
			console.warn(
				`Warning: ${config.APP_MODE} mode is listening on ${config.HOST}, so other machines can reach it. /dev/outbox (every SMS code and reset link) ` +
					`answers only requests from this machine.${demoStaff} Set HOST=127.0.0.1 to keep the portal local, or APP_MODE=production to run it for real.`
			);
		}
	});

	let isStopping = false;
	function shutdown(signal: string) {
		if (isStopping) return;
		isStopping = true;
		console.log(`${signal} received: finishing open requests and stopping.`);
		server.close(() => {
			// The app waits for requests it is still answering, then closes its database; the process
			// then exits by itself.
			process.emit('sveltekit:shutdown' as never, signal as never);
			// A worker's channel to its supervisor would keep it alive after everything else closed.
			if (cluster.isWorker) process.disconnect?.();
		});
		server.closeIdleConnections();
		// Connections that stay busy must not keep the process alive for ever.
		setTimeout(() => {
			server.closeAllConnections();
		}, 5_000).unref();
		setTimeout(() => {
			console.error('Forced exit: shutdown took longer than 15 seconds.');
			process.exit(1);
		}, 15_000).unref();
	}
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));
}
