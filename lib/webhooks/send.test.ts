import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedNetworks, checkEndpointUrl } from "./endpoint-url";
import { postJson } from "./send";

/** A local receiver that counts what reaches it. */
function server(handler: (response: http.ServerResponse) => void) {
  let hits = 0;
  const instance = http.createServer((request, response) => {
    hits++;
    request.resume();
    request.on("end", () => handler(response));
  });
  return {
    hits: () => hits,
    listen: () => new Promise<number>((resolve) => instance.listen(0, "127.0.0.1", () => resolve((instance.address() as AddressInfo).port))),
    close: () => new Promise<void>((resolve) => (instance.closeAllConnections(), instance.close(() => resolve()))),
  };
}

const internal = server((response) => response.writeHead(200).end("secret"));
let internalPort = 0;
const none = allowedNetworks("");
const loopback = allowedNetworks("127.0.0.1/32");
const send = (url: string, networks = none) => postJson(url, "{}", { "content-type": "application/json" }, AbortSignal.timeout(5_000), networks);

beforeAll(async () => {
  internalPort = await internal.listen();
});
afterAll(async () => {
  await internal.close();
});

describe("postJson", () => {
  it("refuses at connect time a name that passed the check when saved (DNS rebinding)", async () => {
    const url = `https://localhost:${internalPort}/hook`;
    // When saved, the name resolved to a public address...
    expect(await checkEndpointUrl(url, none, async () => ["93.184.216.34"])).toBeNull();
    // ...when sent, it resolves to loopback: the connection is refused and nothing arrives.
    await expect(send(url)).rejects.toMatchObject({ problem: "privateAddress" });
    await expect(send(`http://localhost:${internalPort}/hook`)).rejects.toMatchObject({ problem: "privateAddress" });
    expect(internal.hits()).toBe(0);
  });

  it.each(["[::ffff:7f00:1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]", "127.0.0.1", "2130706433"])("refuses the literal %s without connecting", async (host) => {
    await expect(send(`http://${host}:${internalPort}/hook`)).rejects.toMatchObject({ problem: "privateAddress" });
    expect(internal.hits()).toBe(0);
  });

  it("connects to an allowed network, and does not follow a redirect", async () => {
    expect(await send(`http://127.0.0.1:${internalPort}/hook`, loopback)).toBe(200);
    expect(internal.hits()).toBe(1);
    const before = internal.hits();
    const target = `http://127.0.0.1:${internalPort}/hook`;
    const redirect = server((response) => response.writeHead(307, { location: target }).end());
    const port = await redirect.listen();
    expect(await send(`http://127.0.0.1:${port}/hook`, loopback)).toBe(307);
    expect(internal.hits()).toBe(before);
    await redirect.close();
  });
});
