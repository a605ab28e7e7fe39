import http from 'node:http';
import { expect, test } from '@playwright/test';

/**
 * Posts raw bytes to the journeys' server, chunked (no Content-Length) or with a stated length. A
 * stated length too large is refused on the headers alone, and the server closes the connection
 * then: the body is not sent at all in that case, so the answer is never lost to a broken pipe.
 */
function post(baseURL: string, path: string, body: Buffer, isChunked: boolean): Promise<number> {
	return new Promise((resolve, reject) => {
		const url = new URL(path, baseURL);
		const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin };
		if (!isChunked) headers['content-length'] = body.length;
		let status = 0;
		const request = http.request(url, { method: 'POST', headers }, (response) => {
			status = response.statusCode ?? 0;
			response.resume();
			resolve(status);
			if (!isChunked) request.destroy();
		});
		request.on('error', (error) => {
			if (!status) reject(error);
		});
		if (isChunked) {
			// Writing before ending makes Node send the body in chunks.
			request.write(body);
			request.end();
		} else {
			request.flushHeaders();
		}
	});
}

test('form posts outside the application steps are kept small: too long is 413, unstated length is 411', async ({ baseURL }) => {
	expect(await post(baseURL!, '/login', Buffer.alloc(2 * 1024 * 1024, 'a'), false)).toBe(413);
	expect(await post(baseURL!, '/login', Buffer.from('login=1&password=2'), true)).toBe(411);
});
