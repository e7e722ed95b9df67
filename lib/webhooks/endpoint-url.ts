import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/**
 * Webhook URLs must be https (http only for localhost), and in production they may
 * not point into private or loopback networks, so that a tenant cannot use Inzage to
 * reach internal services (server-side request forgery). Checked when an endpoint is
 * saved and again before each delivery, since DNS answers can change.
 */

export type UrlProblem = "invalidUrl" | "httpsRequired" | "privateAddress";

const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function checkUrlShape(raw: string): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalidUrl";
  }
  if (url.username || url.password) return "invalidUrl";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && loopbackNames.has(url.hostname)) return null;
  return url.protocol === "http:" ? "httpsRequired" : "invalidUrl";
}

export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split(".").map(Number);
    return (
      a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224
    );
  }
  const lower = address.toLowerCase();
  if (lower === "::1" || lower === "::") return true;
  if (lower.startsWith("::ffff:")) return isPrivateAddress(lower.slice(7));
  return /^(fc|fd|fe8|fe9|fea|feb)/.test(lower);
}

/** Refuses private and loopback targets in production; elsewhere only the shape is checked. */
export async function checkEndpointUrl(raw: string, production = process.env.NODE_ENV === "production"): Promise<UrlProblem | null> {
  const shape = checkUrlShape(raw);
  if (shape || !production) return shape;
  const hostname = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(hostname) ? [hostname] : (await lookup(hostname, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) return "invalidUrl";
  return addresses.some(isPrivateAddress) ? "privateAddress" : null;
}
