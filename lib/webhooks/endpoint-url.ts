import { lookup, type LookupAddress } from "node:dns";
import { lookup as lookupAsync } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Where webhooks may go. A tenant must not be able to make Inzage reach services in the
 * operator's own networks (server-side request forgery), so a delivery goes only to a
 * public unicast address over https, checked on the address actually connected to:
 * deliveries resolve the name themselves through `guardedLookup` (lib/webhooks/send.ts),
 * so a DNS answer that changes between the check and the connection (DNS rebinding)
 * changes nothing. Addresses are parsed by ipaddr.js; every special range it knows
 * (loopback, private, link-local, unique-local, unspecified, carrier-grade NAT,
 * multicast, broadcast, reserved and documentation ranges, IPv4-mapped and -translated
 * forms, NAT64, 6to4, Teredo) is refused, as is IPv6 outside 2000::/3.
 *
 * Operators who run receivers inside their own network list those networks in
 * WEBHOOK_ALLOWED_NETWORKS (CIDR, comma separated, e.g. `127.0.0.1/32,10.0.0.0/8`).
 * Addresses in them are allowed, over https or http; nothing else may use http.
 */

export type UrlProblem = "invalidUrl" | "httpsRequired" | "privateAddress";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export interface AllowedNetwork {
  /** As the operator wrote it, normalised: "10.0.0.0/8". */
  cidr: string;
  range: [Address, number];
}

/** A refused target: the problem is the key of its form error (Errors.*). */
export class TargetRefusedError extends Error {
  constructor(readonly problem: UrlProblem) {
    super(`endpoint refused: ${problem}`);
  }
}

const parsedNetworks = new Map<string, AllowedNetwork[]>();

/** WEBHOOK_ALLOWED_NETWORKS, parsed; a malformed entry stops the process with its name. */
export function allowedNetworks(raw = process.env.WEBHOOK_ALLOWED_NETWORKS ?? ""): AllowedNetwork[] {
  const known = parsedNetworks.get(raw);
  if (known) return known;
  const networks = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let range: [Address, number];
      try {
        // A single address is the network of that address alone.
        const single = entry.includes("/") ? null : ipaddr.parse(entry);
        range = single ? [single, single.kind() === "ipv4" ? 32 : 128] : ipaddr.parseCIDR(entry);
      } catch {
        throw new Error(`WEBHOOK_ALLOWED_NETWORKS: "${entry}" is not an address or network in CIDR notation`);
      }
      return { cidr: `${range[0].toString()}/${range[1]}`, range };
    });
  parsedNetworks.set(raw, networks);
  return networks;
}

/** IPv4 written inside IPv6 (::ffff:a.b.c.d) is the IPv4 address; everything else as parsed. */
function parse(address: string): Address | null {
  try {
    const parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ""));
    return parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
  } catch {
    return null;
  }
}

const globalUnicastV6 = ipaddr.parseCIDR("2000::/3") as [ipaddr.IPv6, number];

function isPublicUnicast(address: Address): boolean {
  if (address.range() !== "unicast") return false;
  return address.kind() === "ipv4" || (address as ipaddr.IPv6).match(globalUnicastV6);
}

function inAllowedNetwork(address: Address, networks: AllowedNetwork[]): boolean {
  return networks.some(({ range }) => range[0].kind() === address.kind() && address.match(range));
}

/** Whether a delivery over `protocol` may connect to this address. */
export function addressProblem(address: string, protocol: string, networks: AllowedNetwork[] = allowedNetworks()): UrlProblem | null {
  const parsed = parse(address);
  if (!parsed) return "privateAddress";
  if (inAllowedNetwork(parsed, networks)) return null;
  if (!isPublicUnicast(parsed)) return "privateAddress";
  return protocol === "https:" ? null : "httpsRequired";
}

/** The URL, or the reason it cannot be a webhook target whatever its address. */
export function parseEndpointUrl(raw: string): URL | UrlProblem {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalidUrl";
  }
  if (url.username || url.password || !url.hostname) return "invalidUrl";
  if (url.protocol !== "https:" && url.protocol !== "http:") return "invalidUrl";
  return url;
}

/** The address written in the URL itself (`https://[::ffff:7f00:1]/`), which no lookup sees. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(host) ? host : null;
}

/**
 * The check when an endpoint is saved, so the admin hears at once. A name that resolves
 * nowhere yet is accepted over https (every delivery checks again); one that resolves
 * must resolve only to allowed addresses.
 */
export async function checkEndpointUrl(
  raw: string,
  networks: AllowedNetwork[] = allowedNetworks(),
  resolve: (hostname: string) => Promise<string[]> = async (hostname) => (await lookupAsync(hostname, { all: true })).map((a) => a.address),
): Promise<UrlProblem | null> {
  const url = parseEndpointUrl(raw);
  if (typeof url === "string") return url;
  const literal = literalAddress(url);
  const addresses = literal ? [literal] : await resolve(url.hostname).catch(() => [] as string[]);
  if (addresses.length === 0) return url.protocol === "https:" ? null : "httpsRequired";
  for (const address of addresses) {
    const problem = addressProblem(address, url.protocol, networks);
    if (problem) return problem;
  }
  return null;
}

/**
 * A `lookup` for node:http(s) that resolves the name and fails the connection unless
 * every address is allowed: the check holds for the address connected to. (Node calls
 * no lookup for an address literal; lib/webhooks/send.ts checks those itself.)
 */
export function guardedLookup(protocol: string, networks: AllowedNetwork[] = allowedNetworks()): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const problem = addresses.length === 0 ? "invalidUrl" : addresses.map((a) => addressProblem(a.address, protocol, networks)).find(Boolean);
      if (problem) return callback(new TargetRefusedError(problem), "", 0);
      if (options.all) return (callback as unknown as (error: null, all: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
