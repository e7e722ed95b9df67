import http from "node:http";
import https from "node:https";
import { addressProblem, allowedNetworks, guardedLookup, literalAddress, parseEndpointUrl, TargetRefusedError, type AllowedNetwork } from "./endpoint-url";

/**
 * POSTs one delivery and answers the response's status code. The connection goes only
 * to an address lib/webhooks/endpoint-url.ts allows, checked on the address itself
 * (the lookup of the connection, or the literal in the URL). Redirects are not followed:
 * a 3xx is an answer like any other that is not 2xx, so a failed attempt. The request
 * is aborted by `signal`; the response body is not read.
 */
export function postJson(
  raw: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  networks: AllowedNetwork[] = allowedNetworks(),
): Promise<number> {
  const url = parseEndpointUrl(raw);
  if (typeof url === "string") return Promise.reject(new TargetRefusedError(url));
  const literal = literalAddress(url);
  const problem = literal ? addressProblem(literal, url.protocol, networks) : null;
  if (problem) return Promise.reject(new TargetRefusedError(problem));
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<number>((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: "POST",
        // A connection of its own, so no pooled socket skips the lookup.
        agent: false,
        lookup: guardedLookup(url.protocol, networks),
        signal,
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
