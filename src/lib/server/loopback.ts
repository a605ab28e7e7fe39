import { isIPv4, isIPv6 } from 'node:net';

/**
 * True for an address of this machine's loopback interface: 127.0.0.0/8, ::1, and 127.x written
 * as an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, as a dual-stack socket reports it).
 */
export function isLoopbackAddress(address: string | null | undefined): boolean {
	if (!address) return false;
	const value = address.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
	if (isIPv4(value)) return value.startsWith('127.');
	if (!isIPv6(value)) return false;
	const groups = ipv6Groups(value);
	if (groups.slice(0, 7).every((group) => group === 0)) return groups[7] === 1;
	const isMapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
	return isMapped && groups[6]! >> 8 === 127;
}

/** A host to listen on that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
	return host.trim().toLowerCase() === 'localhost' || isLoopbackAddress(host);
}

/** The eight 16-bit groups of a valid IPv6 address (a dotted IPv4 tail counts as two). */
function ipv6Groups(value: string): number[] {
	const toGroups = (part: string): number[] =>
		part === ''
			? []
			: part.split(':').flatMap((piece) => {
					if (!piece.includes('.')) return [Number.parseInt(piece, 16)];
					const [a, b, c, d] = piece.split('.').map(Number) as [number, number, number, number];
					return [(a << 8) | b, (c << 8) | d];
				});
	const [head = '', tail] = value.split('::');
	const front = toGroups(head);
	const back = tail === undefined ? [] : toGroups(tail);
	return [...front, ...Array.from({ length: 8 - front.length - back.length }, () => 0), ...back];
}

/**
 * Whether a request comes from this machine. Both the socket's address and the client address the
 * app uses must be loopback: with a trusted proxy header, the latter is the header's value, and a
 * proxy on the same machine makes every socket loopback, so the socket alone proves nothing. An
 * unknown address (the header missing) is not loopback.
 */
export function isLocalRequest(socketAddress: string | null | undefined, clientAddress: () => string): boolean {
	if (!isLoopbackAddress(socketAddress)) return false;
	try {
		return isLoopbackAddress(clientAddress());
	} catch {
		return false;
	}
}
