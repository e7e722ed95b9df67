import type { NextRequest } from "next/server";
import { requestOrigin } from "@/lib/public-origin";

/**
 * The request as Auth.js must see it: under the origin the browser is on (requestOrigin:
 * PUBLIC_URL, or the tenant's own host), not the one Next.js gives route handlers, which is
 * `http(s)://localhost:{PORT}` whatever address the site is reached at. Auth.js takes its
 * base URL, where it sends the browser after the link from the mail, from the request's
 * URL; under another host than the browser's the session cookie would not come along.
 *
 * A plain Request, not a NextRequest: NextRequest's URL turns every 127.x.x.x and [::1]
 * into `localhost`, which is also why AUTH_URL cannot help (next-auth rebuilds the request
 * as a NextRequest under it). Auth.js reads only the URL, method, headers and body.
 */
export function onRequestOrigin(request: Request, env: NodeJS.ProcessEnv = process.env): NextRequest {
  const { pathname, search } = new URL(request.url);
  const url = new URL(`${pathname}${search}`, requestOrigin(request.headers, env));
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: request.headers, signal: request.signal };
  if (hasBody) Object.assign(init, { body: request.body, duplex: "half" });
  // next-auth's handlers are typed for NextRequest but use nothing of it beyond Request unless AUTH_URL is set (scripts/server.js unsets it).
  return new Request(url, init) as NextRequest;
}
