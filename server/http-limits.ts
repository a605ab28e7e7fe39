import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server, Socket } from 'node:net';

/**
 * Limits against clients that hold connections open (slowloris): Node bounds the headers
 * (`headersTimeout`) and, once, the whole request (`requestTimeout`); these add a per-route limit
 * for the body, a rule that a body which stops arriving is cut off, and a cap on the connections
 * one socket address may hold.
 */

export interface BodyLimits {
	/** The whole body must have arrived this long after the request began. */
	totalMs: number;
	/** No byte of the body for this long closes the connection. */
	idleMs: number;
}

const REQUEST_TIMEOUT_RESPONSE = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';
const TOO_MANY_CONNECTIONS_RESPONSE = 'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 10\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 20\r\n\r\nToo many connections';

const hasBody = (req: IncomingMessage) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Watches a request's body as it arrives and closes the connection when it is too slow: over
 * `totalMs` in all, or nothing for `idleMs`. Time the app itself takes to read (its buffer is full)
 * does not count against the client. The app may still be waiting for the body: its socket is gone,
 * so whatever it answers later goes nowhere.
 */
export function guardRequestBody(req: IncomingMessage, res: ServerResponse, limits: BodyLimits): void {
	if (!hasBody(req)) return;
	const socket = req.socket;
	const startedAt = Date.now();
	let lastBytesRead = socket.bytesRead;
	let lastProgressAt = startedAt;
	const timer = setInterval(check, Math.max(50, Math.min(1_000, Math.floor(limits.idleMs / 4))));
	timer.unref();
	const stop = () => clearInterval(timer);
	req.once('end', stop);
	req.once('close', stop);

	function check() {
		if (req.complete || socket.destroyed) return stop();
		const now = Date.now();
		const isWaitingForApp = req.readableLength >= req.readableHighWaterMark;
		if (socket.bytesRead !== lastBytesRead || isWaitingForApp) {
			lastBytesRead = socket.bytesRead;
			lastProgressAt = now;
		}
		if (now - lastProgressAt < limits.idleMs && now - startedAt < limits.totalMs) return;
		stop();
		// As Node answers its own request timeout: a bare 408 on the socket, then close. The app's
		// response object is left alone (writing through it could clash with the app's own answer).
		if (!res.headersSent && socket.writable) socket.write(REQUEST_TIMEOUT_RESPONSE);
		socket.destroy();
	}
}

/** The same client over IPv4 and as an IPv4-mapped IPv6 address counts once. */
const addressKey = (socket: Socket) => (socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * Refuses a connection from an address that already holds `max` open ones (503, then closed).
 * Behind a proxy every socket is the proxy's: then the proxy must cap connections per client.
 */
export function limitConnectionsPerAddress(server: Server, max: number): void {
	if (max <= 0) return;
	const open = new Map<string, number>();
	server.on('connection', (socket: Socket) => {
		const key = addressKey(socket);
		const count = open.get(key) ?? 0;
		if (count >= max) {
			if (socket.writable) socket.write(TOO_MANY_CONNECTIONS_RESPONSE);
			socket.destroy();
			return;
		}
		open.set(key, count + 1);
		socket.once('close', () => {
			const left = (open.get(key) ?? 1) - 1;
			if (left > 0) open.set(key, left);
			else open.delete(key);
		});
	});
}
