import { describe, expect, it } from 'vitest';
import { isLocalRequest, isLoopbackAddress, isLoopbackHost } from './loopback.ts';

describe('isLoopbackAddress', () => {
	it('accepts 127.0.0.0/8, ::1 and IPv4-mapped 127.x', () => {
		for (const address of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '[::1]', '::ffff:127.0.0.1', '::FFFF:127.9.9.9', '::ffff:7f00:1', '0:0:0:0:0:ffff:127.0.0.1']) {
			expect(isLoopbackAddress(address), address).toBe(true);
		}
	});

	it('refuses every other address, names and garbage', () => {
		for (const address of ['192.0.2.2', '10.0.0.1', '0.0.0.0', '::', '::2', 'fd00::2', 'fe80::1', '::ffff:192.0.2.2', '::127.0.0.1', '128.0.0.1', '1.127.0.0', '127.0.0.1.evil', 'localhost', '', null, undefined, '127.0.0.1, 192.0.2.2']) {
			expect(isLoopbackAddress(address), String(address)).toBe(false);
		}
	});

	it('treats localhost as a loopback host to listen on', () => {
		expect(isLoopbackHost('localhost')).toBe(true);
		expect(isLoopbackHost('127.0.0.1')).toBe(true);
		expect(isLoopbackHost('0.0.0.0')).toBe(false);
		expect(isLoopbackHost('::')).toBe(false);
	});
});

describe('isLocalRequest', () => {
	it('needs both the socket and the client address to be loopback', () => {
		expect(isLocalRequest('127.0.0.1', () => '127.0.0.1')).toBe(true);
		expect(isLocalRequest('::ffff:127.0.0.1', () => '::1')).toBe(true);
		// A proxy on this machine forwarding a visitor from elsewhere.
		expect(isLocalRequest('127.0.0.1', () => '203.0.113.9')).toBe(false);
		// A remote socket claiming to be loopback through a header.
		expect(isLocalRequest('192.0.2.2', () => '127.0.0.1')).toBe(false);
		// The trusted proxy header is missing: adapter-node throws.
		expect(
			isLocalRequest('127.0.0.1', () => {
				throw new Error('Address header was specified but is absent from request');
			})
		).toBe(false);
		expect(isLocalRequest(undefined, () => '127.0.0.1')).toBe(false);
	});
});
