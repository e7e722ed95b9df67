import { createServer } from "node:http";
import { withSocketAddress } from "../lib/forwarded-for.js";

/**
 * The app's production server (`npm start`, `npm run demo`, the end-to-end tests): Next.js's
 * request handler behind a plain Node server that first appends the socket's address to
 * X-Forwarded-For, as a proxy does. Next.js itself only fills the header in when a request
 * has none, so without this a client reaching the app directly would choose the address
 * that the rate limits and the audit trail use (lib/client-address.ts reads it from the
 * right, TRUSTED_PROXIES entries before the last).
 *
 * `--port N` or PORT sets the port (default 3000), `--hostname H` the interface to listen on
 * (default all). The build comes from NEXT_DIST_DIR like everything else (next.config.js).
 */
process.env.NODE_ENV ||= "production";

// Auth.js sees each request under PUBLIC_URL or the tenant's own host (lib/auth/public-request.ts).
// Given AUTH_URL, next-auth would rebuild requests under it as NextRequest, which turns
// 127.0.0.1 into localhost and a tenant's host into the platform's: left out, with a word.
for (const name of ["AUTH_URL", "NEXTAUTH_URL"]) {
  if (process.env[name] === undefined) continue;
  console.warn(`${name} is not used; sign-in links and redirects follow PUBLIC_URL (${process.env.PUBLIC_URL ?? "unset"}).`);
  delete process.env[name];
}

const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const port = Number(option("--port") ?? option("-p") ?? process.env.PORT ?? 3000);
const hostname = option("--hostname") ?? option("-H");

// Where Next.js fetches the page a server action redirects to, from inside this process: this
// server over plain http, as `next start` sets it. Without it Next.js takes the request's URL,
// whose scheme follows X-Forwarded-Proto, and behind a proxy ending TLS it would speak https
// to this plain http port, fail, and leave the redirect to an extra round trip of the browser.
const ownHost = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname.includes(":") ? `[${hostname}]` : hostname;
process.env.__NEXT_PRIVATE_ORIGIN = `http://${ownHost}:${port}`;

// Imported only now: Next.js reads NODE_ENV as it loads.
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  const forwardedFor = withSocketAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress);
  if (forwardedFor === undefined) delete request.headers["x-forwarded-for"];
  else request.headers["x-forwarded-for"] = forwardedFor;
  handle(request, response).catch((error) => {
    console.error("request failed", error);
    if (!response.headersSent) response.writeHead(500).end();
    else response.destroy();
  });
});
server.listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname ?? "localhost"}:${port}`);
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Stop taking connections, let Next.js finish its work, then go.
    server.close();
    server.closeIdleConnections();
    app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
