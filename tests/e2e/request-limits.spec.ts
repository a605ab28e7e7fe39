import http from 'node:http';
import { expect, test } from '@playwright/test';

/** Posts raw bytes to the journeys' server, chunked (no Content-Length) or with a stated length. */
function post(baseURL: string, path: string, body: Buffer, isChunked: boolean): Promise<number> {
	return new Promise((resolve, reject) => {
		const url = new URL(path, baseURL);
		const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin };
		if (!isChunked) headers['content-length'] = body.length;
		const request = http.request(url, { method: 'POST', headers }, (response) => {
			response.resume();
			resolve(response.statusCode ?? 0);
		});
		request.on('error', reject);
		// Writing before ending makes Node send the body in chunks unless a length was stated.
		request.write(body);
		request.end();
	});
}

test('form posts outside the application steps are kept small: too long is 413, unstated length is 411', async ({ baseURL }) => {
	expect(await post(baseURL!, '/login', Buffer.alloc(2 * 1024 * 1024, 'a'), false)).toBe(413);
	expect(await post(baseURL!, '/login', Buffer.from('login=1&password=2'), true)).toBe(411);
});
