// Plain JavaScript without dependencies: scripts/server.js runs it under Node as it is,
// and the app imports it through lib/client-address.ts (types in forwarded-for.d.ts).

/**
 * An address as it is compared and stored: an IPv4 address that reached an IPv6 socket
 * (::ffff:127.0.0.1) is written as IPv4, and an IPv6 address in lower case.
 *
 * @param {string} address
 * @returns {string}
 */
export function normaliseAddress(address) {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  if (mapped) return mapped[1];
  return trimmed.includes(":") ? trimmed.toLowerCase() : trimmed;
}

/**
 * X-Forwarded-For as a proxy passes it on: the list the request came with, and at its
 * end the address of the socket it came from. Whatever a client writes in the header
 * stays in front of that entry, where counting from the right never reaches it.
 *
 * @param {string | string[] | undefined} forwardedFor the header as the request had it
 * @param {string | undefined} socketAddress the peer of the connection
 * @returns {string | undefined} the new header; none when the socket has no address (a
 *   connection already closed), as then no entry of the list can be trusted
 */
export function withSocketAddress(forwardedFor, socketAddress) {
  if (!socketAddress) return undefined;
  const before = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).trim();
  const socket = normaliseAddress(socketAddress);
  return before ? `${before}, ${socket}` : socket;
}
